namespace Sitrep.Models.Tests;

public class AdamWTests
{
    [Fact]
    public void It_finds_the_minimum_of_a_quadratic()
    {
        // f(w) = Σ (w_i - target_i)², gradient 2 (w - target)
        float[] target = [3, -2, 0.5f];
        var w = new float[3];
        var optimizer = new AdamW(learningRate: 0.1f, totalSteps: 2000, warmupSteps: 100, weightDecay: 0);
        for (var step = 0; step < 2000; step++)
        {
            optimizer.Advance();
            optimizer.Update(w, w.Zip(target, (a, b) => 2 * (a - b)).ToArray());
        }
        for (var i = 0; i < 3; i++) Assert.Equal(target[i], w[i], 2);
    }

    [Fact]
    public void The_rate_warms_up_then_decays_to_zero()
    {
        var optimizer = new AdamW(learningRate: 1, totalSteps: 10, warmupSteps: 4);
        var rates = new List<float>();
        for (var i = 0; i < 10; i++) { rates.Add(optimizer.Rate); optimizer.Advance(); }
        Assert.True(rates[0] < rates[3]);
        Assert.Equal(1, rates.Max(), 3);
        Assert.True(rates[9] < rates[5]);
        Assert.Equal(0, optimizer.Rate, 3);
    }

    [Fact]
    public void Weight_decay_shrinks_weights_without_a_gradient()
    {
        var w = new float[] { 1, -1 };
        var optimizer = new AdamW(learningRate: 0.1f, totalSteps: 100, warmupSteps: 0, weightDecay: 0.5f);
        optimizer.Advance();
        optimizer.Update(w, new float[2]);
        Assert.True(Math.Abs(w[0]) < 1 && Math.Abs(w[1]) < 1);
    }
}
