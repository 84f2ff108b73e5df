using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;

namespace PrivacyAnalyzers.RecordingAccess;

/// <summary>
/// PRIV001: an endpoint that serves recording content (a file, a stream, the response body, a redirect or a URL to the
/// media) while its effective authorization is anonymous.
/// </summary>
/// <remarks>
/// Why a compilation-end diagnostic: whether an endpoint is anonymous depends on global protection (a fallback policy,
/// a global <c>AuthorizeFilter</c>, <c>MapControllers().RequireAuthorization()</c>, Razor Pages conventions) that is
/// usually written in another file (Program.cs). An operation action sees other files only in an order the host
/// chooses, and reading them ourselves would need <c>Compilation.GetSemanticModel</c> (RS1030: a second binding of the
/// file) or a name-only syntax scan (which cannot tell <c>AuthorizationOptions.FallbackPolicy</c> from a look-alike, and
/// a missed global policy means a false positive on a correctly protected app, the failure this rule exists to avoid).
/// So the endpoints and the global protection are both collected by symbol while the compilation is analyzed, and the
/// decision is made once, at compilation end. The cost: IDEs show PRIV001 only with full-solution analysis; builds, CI
/// and <c>dotnet format</c> always report it. The rule page says so.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AnonymousRecordingDownloadAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Values of <see cref="DiagnosticProperties.Fix"/>.</summary>
    public const string FixAddAuthorize = "AddAuthorize";

    public const string FixAddAuthorizeToType = "AddAuthorizeToType";

    public const string FixRemoveAllowAnonymous = "RemoveAllowAnonymous";

    public const string FixReplaceAllowAnonymous = "ReplaceAllowAnonymous";

    public const string FixRequireAuthorization = "RequireAuthorization";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.AnonymousRecordingDownload);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var endpoints = EndpointModel.For(start.Compilation);
            if (!endpoints.IsAvailable)
            {
                return;
            }

            var state = new State(start.Compilation, endpoints, GlobalAuthorization.Collect(start, EndpointAuthorization.For(start.Compilation)));
            start.RegisterOperationBlockAction(state.AnalyzeBlock);
            start.RegisterCompilationEndAction(state.Report);
        });
    }

    private sealed class State
    {
        private readonly Compilation compilation;
        private readonly EndpointModel endpoints;
        private readonly EndpointAuthorization authorization;
        private readonly ResponseContentModel content;
        private readonly GlobalAuthorization global;
        private readonly ConcurrentQueue<Finding> findings = new();
        private readonly ConcurrentQueue<Finding> methodGroups = new();
        private readonly ConcurrentDictionary<IMethodSymbol, ContentSink> servingMethods = new(SymbolEqualityComparer.Default);

        public State(Compilation compilation, EndpointModel endpoints, GlobalAuthorization global)
        {
            this.compilation = compilation;
            this.endpoints = endpoints;
            this.authorization = EndpointAuthorization.For(compilation);
            this.content = ResponseContentModel.For(compilation);
            this.global = global;
        }

        public void AnalyzeBlock(OperationBlockAnalysisContext context)
        {
            if (context.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            foreach (var block in context.OperationBlocks)
            {
                var recordings = RecordingModel.For(this.compilation, context.Options, DiagnosticIds.AnonymousRecordingDownload, block.Syntax.SyntaxTree);
                LocalFlow? flow = null;
                LocalFlow Flow() => flow ??= LocalFlow.For(block, context.CancellationToken);

                if (this.endpoints.ForMethod(method, block) is { } endpoint)
                {
                    if (this.FindRecordingSink(block, recordings, Flow) is { } sink)
                    {
                        this.findings.Enqueue(new Finding(endpoint, this.authorization.Describe(endpoint, Flow()), sink));
                    }
                }
                else if (method.MethodKind == MethodKind.Ordinary && this.FindRecordingSink(block, recordings, Flow) is { } sink)
                {
                    // May be a minimal-API handler passed as a method group: decided at compilation end.
                    this.servingMethods.TryAdd(method.OriginalDefinition, sink);
                }

                foreach (var minimal in this.endpoints.MinimalApisIn(block))
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var local = this.authorization.Describe(minimal, Flow());
                    if (minimal.Body is null)
                    {
                        this.methodGroups.Enqueue(new Finding(minimal, local, null));
                    }
                    else if (this.FindRecordingSink(minimal.Body, recordings, Flow) is { } sink)
                    {
                        this.findings.Enqueue(new Finding(minimal, local, sink));
                    }
                }
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            foreach (var finding in this.findings)
            {
                this.Report(context, finding, finding.Sink!);
            }

            foreach (var finding in this.methodGroups)
            {
                if (this.servingMethods.TryGetValue(finding.Endpoint.Handler.OriginalDefinition, out var sink))
                {
                    this.Report(context, finding, sink);
                }
            }
        }

        private void Report(CompilationAnalysisContext context, Finding finding, ContentSink sink)
        {
            var endpoint = finding.Endpoint;
            var effective = EndpointAuthorization.Resolve(endpoint, finding.Local, this.global);
            if (effective.Level != AccessLevel.Anonymous)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            string? fix = null;
            switch (effective.AllowAnonymous)
            {
                case AllowAnonymousSite.Handler when finding.Local.AllowAnonymousAttribute?.ApplicationSyntaxReference is not null:
                    // The fixer finds the attribute on the handler itself (by its IAllowAnonymous type).
                    fix = effective.ProtectedWithoutAllowAnonymous ? FixRemoveAllowAnonymous : FixReplaceAllowAnonymous;
                    break;
                case AllowAnonymousSite.None:
                    fix = endpoint.Kind switch
                    {
                        EndpointKind.ControllerAction => FixAddAuthorize,
                        EndpointKind.PageHandler => FixAddAuthorizeToType,
                        _ when endpoint.Body is not null || endpoint.MapInvocation is not null => FixRequireAuthorization,
                        _ => null,
                    };
                    break;
            }

            if (fix is not null)
            {
                properties = properties.Add(DiagnosticProperties.Fix, fix);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.AnonymousRecordingDownload,
                endpoint.Location,
                properties,
                endpoint.Name,
                sink.Name,
                effective.Description));
        }

        /// <summary>The first sink of <paramref name="body"/> that serves a recording; local flow is computed only when there is a sink.</summary>
        private ContentSink? FindRecordingSink(IOperation body, RecordingModel recordings, System.Func<LocalFlow> flow)
        {
            bool? media = null;
            foreach (var sink in this.content.FindSinks(body))
            {
                media ??= this.content.SetsMediaContentType(body);
                if (ResponseContentModel.ServesRecording(sink, recordings, flow(), media.Value))
                {
                    return sink;
                }
            }

            return null;
        }
    }

    private sealed class Finding
    {
        public Finding(Endpoint endpoint, LocalAuthorization local, ContentSink? sink)
        {
            this.Endpoint = endpoint;
            this.Local = local;
            this.Sink = sink;
        }

        public Endpoint Endpoint { get; }

        public LocalAuthorization Local { get; }

        public ContentSink? Sink { get; }
    }
}
