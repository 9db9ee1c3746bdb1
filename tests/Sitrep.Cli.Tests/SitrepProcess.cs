using System.Diagnostics;

namespace Sitrep.Cli.Tests;

/// <summary>Runs the real `sitrep` program in a child process, as a user would.</summary>
internal static class SitrepProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("SITREP_DB");
        // the perceptron reads names in these tests: they are about the program, not the encoder model (tested on its own)
        psi.Environment["SITREP_ENTITIES"] = "fast";
        return psi;
    }

    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

    public static (int Exit, string Out, string Err) RunWithInput(string workingDirectory, string? stdin, params string[] args)
    {
        using var p = Process.Start(StartInfo(workingDirectory, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); throw new TimeoutException("sitrep " + string.Join(' ', args)); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
