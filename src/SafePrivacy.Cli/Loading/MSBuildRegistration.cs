using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.Build.Locator;

namespace SafePrivacy.Cli.Loading;

/// <summary>
/// Finds the .NET SDK that <c>dotnet</c> would use for the scanned folder (global.json included) and registers its
/// MSBuild once per process, so projects load exactly as <c>dotnet build</c> would load them.
/// </summary>
internal static class MSBuildRegistration
{
    private static readonly object Gate = new();
    private static string? _dotnetRoot;

    /// <summary>The <c>dotnet</c> executable of the SDK in use, for running restore.</summary>
    public static string DotnetExecutable
    {
        get
        {
            var candidate = _dotnetRoot is null ? null : Path.Combine(_dotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
        }
    }

    public static void Ensure(string workingDirectory)
    {
        lock (Gate)
        {
            if (_dotnetRoot is not null)
            {
                return;
            }

            if (MSBuildLocator.IsRegistered)
            {
                _dotnetRoot = RuntimeDotnetRoot();
                return;
            }

            var instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
            {
                DiscoveryTypes = DiscoveryType.DotNetSdk,
                WorkingDirectory = workingDirectory,
            }).FirstOrDefault();
            if (instance is not null)
            {
                MSBuildLocator.RegisterInstance(instance);
                _dotnetRoot = Path.GetFullPath(Path.Combine(instance.MSBuildPath, "..", ".."));
                return;
            }

            // The locator offers only SDKs no newer than the runtime the tool runs on. A newer SDK still loads
            // projects, because MSBuildWorkspace runs its design-time builds in a build host process of its own;
            // only no SDK at all is an error.
            _dotnetRoot = RuntimeDotnetRoot();
            if (_dotnetRoot is null || !Directory.Exists(Path.Combine(_dotnetRoot, "sdk")) || !Directory.EnumerateDirectories(Path.Combine(_dotnetRoot, "sdk")).Any())
            {
                _dotnetRoot = null;
                throw new UsageException("No .NET SDK was found; safeprivacy loads projects with the SDK's MSBuild, so install the .NET SDK (8.0 or later) and try again.");
            }
        }
    }

    // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/, next to <root>/sdk and <root>/dotnet.
    private static string? RuntimeDotnetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        return Directory.Exists(root) ? root : null;
    }
}
