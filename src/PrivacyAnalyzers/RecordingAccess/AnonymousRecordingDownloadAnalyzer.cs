using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

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
/// and <c>dotnet format</c> always report it. The rule page says so. One exception to binding nothing ourselves: the
/// body of a minimal-API handler passed as a method group is judged at compilation end, and only when its endpoint is
/// anonymous (see <c>FindRecordingSinkOf</c>).
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeHandling.SkipGeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var endpoints = EndpointModel.For(start.Compilation);
            if (!endpoints.IsAvailable)
            {
                return;
            }

            var state = new State(start.Compilation, endpoints, new GlobalAuthorization());
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
        private readonly ConcurrentDictionary<IMethodSymbol, SyntaxNode> methodsWithSinks = new(SymbolEqualityComparer.Default);
        private readonly PerOptions<RecordingModel> recordings = new();

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
                // Global protection may be written in any block (a field initializer too).
                foreach (var block in context.OperationBlocks)
                {
                    this.global.Scan(block, this.authorization, context.CancellationToken);
                }

                return;
            }

            foreach (var block in context.OperationBlocks)
            {
                // One pass over the block's flattened tree collects global protection, content sinks and Map* calls; the
                // rest is computed only when needed.
                // Most blocks have neither a sink nor a Map* call: then nothing here can be a finding.
                if (!block.HoldsCode() || SinkSearch.Scan(this, block, context.Options, recordGlobal: true, context.CancellationToken) is not { } search)
                {
                    continue;
                }

                // An endpoint whose own attributes or conventions require authorization is never anonymous, whatever
                // global protection turns out to be: its sinks are not searched (most endpoints of a code base). An
                // action or page handler is described by attributes alone: no flow is built for that.
                if (this.endpoints.ForMethod(method, block) is { } endpoint)
                {
                    if (search.HasSinks && this.authorization.Describe(endpoint, flow: null) is var local &&
                        !EndpointAuthorization.IsNeverAnonymous(local) && search.FindRecordingSink(block) is { } sink)
                    {
                        this.findings.Enqueue(new Finding(endpoint, local, sink));
                    }
                }
                else if (method.MethodKind == MethodKind.Ordinary && search.HasSinks)
                {
                    // May be a minimal-API handler passed as a method group, decided at compilation end. Judging its sinks
                    // here cost 90-130 ms per pass of the 250k-line bench (thousands of methods returning a string, and
                    // not one method-group handler): only the block is remembered, and judged for the few that are.
                    this.methodsWithSinks.TryAdd(method.OriginalDefinition, block.Syntax);
                }

                foreach (var minimal in search.MinimalApis)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (minimal.Body is null)
                    {
                        this.methodGroups.Enqueue(new Finding(minimal, this.authorization.Describe(minimal, search.Flow), null));
                    }
                    else if (search.HasSinks && this.authorization.Describe(minimal, search.Flow) is var local &&
                             !EndpointAuthorization.IsNeverAnonymous(local) && search.FindRecordingSink(minimal.Body) is { } sink)
                    {
                        this.findings.Enqueue(new Finding(minimal, local, sink));
                    }
                }
            }
        }

        /// <summary>The recording model with the options of <paramref name="tree"/>; options are fixed for one compilation analysis.</summary>
        public RecordingModel RecordingsFor(AnalyzerOptions options, SyntaxTree tree) =>
            this.recordings.For(options, tree, this.compilation, static (options, tree, compilation) => RecordingModel.For(compilation, options, DiagnosticIds.AnonymousRecordingDownload, tree));

        public void Report(CompilationAnalysisContext context)
        {
            foreach (var finding in this.findings)
            {
                this.Report(context, finding, finding.Sink!);
            }

            Dictionary<IMethodSymbol, ContentSink?>? judged = null;
            foreach (var finding in this.methodGroups)
            {
                var handler = finding.Endpoint.Handler.OriginalDefinition;
                if (!this.methodsWithSinks.TryGetValue(handler, out var body) ||
                    EndpointAuthorization.Resolve(finding.Endpoint, finding.Local, this.global).Level != AccessLevel.Anonymous)
                {
                    continue;
                }

                judged ??= new Dictionary<IMethodSymbol, ContentSink?>(SymbolEqualityComparer.Default);
                if (!judged.TryGetValue(handler, out var sink))
                {
                    sink = this.FindRecordingSinkOf(body, context.Options, context.CancellationToken);
                    judged.Add(handler, sink);
                }

                if (sink is not null)
                {
                    this.Report(context, finding, sink);
                }
            }
        }

        /// <summary>The sink serving a recording in the method body at <paramref name="body"/>, which the host analyzed earlier (so it is not generated code).</summary>
        private ContentSink? FindRecordingSinkOf(SyntaxNode body, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            // RS1030 warns that this may bind the body a second time (the host shares its semantic models through the
            // compilation's provider, but may have released this file's by now). That is paid only for the method-group
            // handlers of anonymous endpoints, a handful, instead of judging every method with a sink as it is analyzed.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            var model = this.compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
            return model.GetOperation(body, cancellationToken) is { } block &&
                   SinkSearch.Scan(this, block, options, recordGlobal: false, cancellationToken) is { } search
                ? search.FindRecordingSink(block)
                : null;
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

        /// <summary>
        /// The recording sinks of one operation block, with what deciding them needs (options, local flow, whether the
        /// block can mention a recording at all) computed once and only when a sink is found.
        /// </summary>
        private sealed class SinkSearch
        {
            private readonly State state;
            private readonly IOperation block;
            private readonly AnalyzerOptions options;
            private readonly CancellationToken cancellationToken;
            private readonly List<ContentSink>? sinks;
            private readonly List<Endpoint>? minimalApis;
            private RecordingModel? recordings;
            private LocalFlow? flow;
            private bool? mayMentionRecording;

            private SinkSearch(State state, IOperation block, AnalyzerOptions options, List<ContentSink>? sinks, List<Endpoint>? minimalApis, CancellationToken cancellationToken)
            {
                this.state = state;
                this.block = block;
                this.options = options;
                this.cancellationToken = cancellationToken;
                this.sinks = sinks;
                this.minimalApis = minimalApis;
            }

            /// <summary>
            /// Looks at the calls, object creations and returns of <paramref name="block"/> (and records global protection,
            /// as <see cref="GlobalAuthorization.Scan"/> would, when <paramref name="recordGlobal"/>); null when it has no
            /// content sink and maps no endpoint.
            /// </summary>
            public static SinkSearch? Scan(State state, IOperation block, AnalyzerOptions options, bool recordGlobal, CancellationToken cancellationToken)
            {
                // Sinks are calls, object creations and returns, kept in the order they are written; invocations come
                // from the tree's own list, which is in the same order. Global protection (calls and assignments) is
                // recorded in the same pass: a second walk of a large block costs as much again in cache misses.
                List<ContentSink>? sinks = null;
                List<Endpoint>? minimalApis = null;
                var tree = OperationWalk.Flat(block);
                var nextInvocation = 0;
                var readsResponseBody = ResponseContentModel.ReadsResponseBody(tree);
                for (var i = 0; i < tree.Operations.Length; i++)
                {
                    ContentSink? sink;
                    switch (tree.KindAt(i))
                    {
                        case OperationKind.Invocation:
                            // The call's method is kept by the tree: the call itself is fetched only when its method says it matters.
                            var index = nextInvocation++;
                            var target = tree.TargetMethods[index];
                            if (recordGlobal)
                            {
                                state.global.OnInvocation(tree, index, state.authorization, cancellationToken);
                            }

                            if (state.endpoints.IsMapCall(target) && state.endpoints.TryGetMinimalApi(tree.Invocations[index]) is { } minimal)
                            {
                                (minimalApis ??= new List<Endpoint>()).Add(minimal);
                            }

                            sink = ResponseContentModel.MayBeSink(target, readsResponseBody)
                                ? state.content.AsSink(tree.Invocations[index], readsResponseBody)
                                : null;
                            break;
                        case OperationKind.ObjectCreation or OperationKind.Return or OperationKind.YieldReturn:
                            sink = state.content.AsSink(tree.Operations[i]);
                            break;
                        case OperationKind.SimpleAssignment when recordGlobal:
                            state.global.OnAssignment((ISimpleAssignmentOperation)tree.Operations[i], state.authorization);
                            continue;
                        default:
                            continue;
                    }

                    if (sink is not null)
                    {
                        (sinks ??= new List<ContentSink>()).Add(sink);
                    }
                }

                return sinks is null && minimalApis is null ? null : new SinkSearch(state, block, options, sinks, minimalApis, cancellationToken);
            }

            public LocalFlow Flow => this.flow ??= LocalFlow.For(this.block, this.cancellationToken);

            /// <summary>True when the block has a content sink (served or not: deciding that is <see cref="FindRecordingSink"/>'s work).</summary>
            public bool HasSinks => this.sinks is not null;

            /// <summary>The minimal-API endpoints mapped in the block, in order.</summary>
            public IReadOnlyList<Endpoint> MinimalApis => (IReadOnlyList<Endpoint>?)this.minimalApis ?? System.Array.Empty<Endpoint>();

            private RecordingModel Recordings => this.recordings ??= this.state.RecordingsFor(this.options, this.block.Syntax.SyntaxTree);

            /// <summary>The first sink of <paramref name="body"/> (the block or a part of it) that serves a recording; local flow is computed only when a sink may need it.</summary>
            public ContentSink? FindRecordingSink(IOperation body)
            {
                if (this.sinks is null)
                {
                    return null;
                }

                bool? media = null;
                foreach (var sink in this.sinks)
                {
                    if (body != this.block && !IsWithin(sink.Operation, body))
                    {
                        continue;
                    }

                    media ??= this.state.content.SetsMediaContentType(body);
                    if (ResponseContentModel.ServesMediaByName(sink, media.Value))
                    {
                        return sink;
                    }

                    // Data flow can only find a recording when something in the block is one.
                    this.mayMentionRecording ??= ResponseContentModel.MayMentionRecording(this.block, this.Recordings);
                    if (this.mayMentionRecording.Value && ResponseContentModel.ServesRecording(sink, this.Recordings, this.Flow, media.Value))
                    {
                        return sink;
                    }
                }

                return null;
            }

            private static bool IsWithin(IOperation operation, IOperation ancestor)
            {
                for (var current = operation; current is not null; current = current.Parent)
                {
                    if (current == ancestor)
                    {
                        return true;
                    }
                }

                return false;
            }
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
