using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Consent;
using PrivacyAnalyzers.Tests.Infrastructure;
using PrivacyAnalyzers.Tests.Verifiers;
using Xunit;

namespace PrivacyAnalyzers.Tests.Consent;

/// <summary>
/// The control-flow analysis of PRIV020 and PRIV030 costs nothing in a compilation that references none of the
/// source APIs: the compilation-start action registers no operation-block action at all, so no block is visited
/// and no control-flow graph is built. PRIV021 registers nothing without a log sink type (the app's own entities
/// can hold a precise location in any compilation, so the location types alone are no gate).
/// </summary>
public sealed class ConsentAnalysisCostTests
{
    private const string LookAlikes = """
        using System.Threading.Tasks;

        namespace App
        {
            public static class Geolocation
            {
                public static Task<object?> GetLocationAsync() => Task.FromResult<object?>(null);
            }

            public class WaveInEvent
            {
                public void StartRecording() { }
            }

            public class Screen
            {
                public async Task Show(WaveInEvent microphone)
                {
                    var location = await Geolocation.GetLocationAsync();
                    microphone.StartRecording();
                    System.Console.WriteLine(location);
                }

                public App.LocationService Service { get; } = new App.LocationService();
            }

            public class LocationService
            {
                public Task<object?> CurrentAsync() => Task.FromResult<object?>(null);
            }
        }
        """;

    public static TheoryData<string> ConsentAnalyzers => new() { nameof(GeolocationWithoutConsentAnalyzer), nameof(VoiceCaptureWithoutConsentAnalyzer), nameof(LocationWrittenToLogAnalyzer) };

    public static TheoryData<string> ControlFlowAnalyzers => new() { nameof(GeolocationWithoutConsentAnalyzer), nameof(VoiceCaptureWithoutConsentAnalyzer) };

    [Theory]
    [MemberData(nameof(ControlFlowAnalyzers))]
    public void WithoutTheSourceTypes_NothingIsRegistered(string analyzerName)
    {
        var registered = Start(Create(analyzerName), Compile(LookAlikes), configuration: null);

        Assert.Empty(registered);
    }

    [Theory]
    [MemberData(nameof(ConsentAnalyzers))]
    public void WithTheSourceTypes_TheAnalysisIsRegistered(string analyzerName)
    {
        // The other side of the test above: the same analyzer does register once the platform types are there.
        var registered = Start(Create(analyzerName), Compile(LookAlikes, PlatformStubs.Maui, PlatformStubs.PluginMauiAudio), configuration: null);

        Assert.NotEmpty(registered);
        Assert.Contains(analyzerName == nameof(LocationWrittenToLogAnalyzer) ? "Operation" : "OperationBlockStart", registered);
    }

    [Fact]
    public void LocationToLogs_WithoutAnyLogSink_RegistersNothing()
    {
        // No references at all: no ILogger, Console, Debug, Trace or TraceSource to write to.
        var compilation = CSharpCompilation.Create(
            "Analyzed",
            new[] { CSharpSyntaxTree.ParseText("namespace App { public class GeofenceEvent { public double Latitude; public int UserId; } }", path: "/src/File0.cs") },
            references: null,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Empty(Start(new LocationWrittenToLogAnalyzer(), compilation, configuration: null));
    }

    [Fact]
    public void LocationToLogs_WithASinkButNoLocationTypes_RegistersOneOperationAction()
    {
        // The app's GeofenceEvent can be written to Console: one invocation action, nothing per block.
        Assert.Equal("Operation", Assert.Single(Start(new LocationWrittenToLogAnalyzer(), Compile(LookAlikes), configuration: null)));
    }

    [Fact]
    public void ConfiguredSourcesAlone_RegisterTheAnalysis()
    {
        var registered = Start(
            new GeolocationWithoutConsentAnalyzer(),
            Compile(LookAlikes),
            ("dotnet_code_quality.PRIV020.location_sources", "M:App.LocationService.CurrentAsync"));

        Assert.Equal("OperationBlockStart", Assert.Single(registered));
    }

    [Fact]
    public async Task WithoutTheSourceTypes_NoDiagnostics()
    {
        var result = await AnalyzerRunner.RunAsync(
            Compile(LookAlikes),
            ImmutableArray.Create<DiagnosticAnalyzer>(new GeolocationWithoutConsentAnalyzer(), new VoiceCaptureWithoutConsentAnalyzer(), new LocationWrittenToLogAnalyzer()));

        Assert.Empty(result.Exceptions);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task ConfiguredSourceWithoutBuiltInTypes_IsFlagged()
    {
        var test = new CSharpAnalyzerVerifier<GeolocationWithoutConsentAnalyzer>.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                namespace App
                {
                    public class LocationService
                    {
                        public Task<object?> CurrentAsync() => Task.FromResult<object?>(null);
                    }

                    public class Screen
                    {
                        public Task<object?> Show(LocationService service) => [|service.CurrentAsync()|];
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.NetCoreOnly);
        TestSetup.AddEditorConfig(test.TestState, "dotnet_code_quality.PRIV020.location_sources = M:App.LocationService.CurrentAsync");

        await test.RunAsync();
    }

    private static DiagnosticAnalyzer Create(string name) => name switch
    {
        nameof(GeolocationWithoutConsentAnalyzer) => new GeolocationWithoutConsentAnalyzer(),
        nameof(VoiceCaptureWithoutConsentAnalyzer) => new VoiceCaptureWithoutConsentAnalyzer(),
        _ => new LocationWrittenToLogAnalyzer(),
    };

    private static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Analyzed",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"/src/File{i}.cs")),
            TestReferences.NetCoreOnly,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the analyzer's compilation-start action on <paramref name="compilation"/> and returns what it registered.</summary>
    private static List<string> Start(DiagnosticAnalyzer analyzer, Compilation compilation, (string Key, string Value)? configuration)
    {
        var context = new CapturingAnalysisContext();
        analyzer.Initialize(context);
        var start = Assert.Single(context.CompilationStartActions);

        var provider = new ConfigProvider(configuration is { } pair ? new Dictionary<string, string> { [pair.Key] = pair.Value } : new Dictionary<string, string>());
        var recording = new RecordingCompilationStartContext(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider));
        start(recording);
        return recording.Registered;
    }

    private sealed class CapturingAnalysisContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => this.CompilationStartActions.Add(action);

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new InvalidOperationException();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new InvalidOperationException();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new InvalidOperationException();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new InvalidOperationException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new InvalidOperationException();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new InvalidOperationException();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new InvalidOperationException();
    }

    /// <summary>Records every action a compilation-start action registers, by kind.</summary>
    private sealed class RecordingCompilationStartContext : CompilationStartAnalysisContext
    {
        public RecordingCompilationStartContext(Compilation compilation, AnalyzerOptions options)
            : base(compilation, options, CancellationToken.None)
        {
        }

        public List<string> Registered { get; } = new();

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => this.Registered.Add("CompilationEnd");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => this.Registered.Add("SemanticModel");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => this.Registered.Add("Symbol");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => this.Registered.Add("CodeBlockStart");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => this.Registered.Add("CodeBlock");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => this.Registered.Add("SyntaxTree");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => this.Registered.Add("SyntaxNode");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => this.Registered.Add("OperationBlockStart");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => this.Registered.Add("OperationBlock");

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => this.Registered.Add("Operation");
    }

    private sealed class ConfigProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options options;

        public ConfigProvider(Dictionary<string, string> values) => this.options = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => this.options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => this.options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> values;

            public Options(Dictionary<string, string> values) => this.values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => this.values.TryGetValue(key, out value);
        }
    }
}
