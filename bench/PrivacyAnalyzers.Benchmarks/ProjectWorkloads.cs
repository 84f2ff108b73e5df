using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.MSBuild;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>
/// <c>--solution</c>: the C# projects of a real solution or project, opened with MSBuildWorkspace (restore it first).
/// Each project's compilation (with its source-generated files) is measured like a corpus; its .editorconfig options
/// reach the analyzers. MSBuild must have been located (<see cref="Program"/> does it before any MSBuild type loads).
/// </summary>
internal static class ProjectWorkloads
{
    public static async Task<IReadOnlyList<Workload>> LoadAsync(string path, ImmutableDictionary<string, ReportDiagnostic> severities, Action<string> progress)
    {
        using var workspace = MSBuildWorkspace.Create();
        var failures = 0;
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            failures++;
            progress("  workspace: " + e.Diagnostic.Message);
        });

        var full = Path.GetFullPath(path);
        var projects = full.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
            ? (await workspace.OpenSolutionAsync(full).ConfigureAwait(false)).Projects.ToList()
            : new List<Project> { await workspace.OpenProjectAsync(full).ConfigureAwait(false) };

        var workloads = new List<Workload>();
        foreach (var project in projects.Where(p => p.Language == LanguageNames.CSharp).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var compilation = await project.GetCompilationAsync().ConfigureAwait(false);
            if (compilation is null)
            {
                continue;
            }

            var options = compilation.Options;
            var merged = options.SpecificDiagnosticOptions.SetItems(severities.Where(s => !options.SpecificDiagnosticOptions.ContainsKey(s.Key)));
            compilation = compilation.WithOptions(((CSharpCompilationOptions)options).WithConcurrentBuild(false).WithSpecificDiagnosticOptions(merged));
            var lines = compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
            progress($"  {project.Name}: {compilation.SyntaxTrees.Count()} files, {lines:N0} lines");
            workloads.Add(new Workload(project.Name, "project", lines, "lines", compilation, project.AnalyzerOptions, new Dictionary<string, int>()));
        }

        if (failures > 0)
        {
            progress($"  {failures} workspace diagnostics: the figures are for what loaded");
        }

        return workloads;
    }
}
