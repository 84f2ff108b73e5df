using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.RecordingAccess;

/// <summary>
/// PRIV002: an endpoint that is not anonymous (authentication, a role or a policy admits the caller) loads a recording
/// by a caller-supplied key and returns it or its content, with no per-resource check before the return on every path.
/// A check is <c>IAuthorizationService.AuthorizeAsync(user, recording, ...)</c> whose result decides the path, a
/// comparison of the recording (or something computed from it) with the current user, a helper method that makes such a
/// comparison (found in its body, anywhere in the compilation), or a configured <c>access_check_methods</c> call (a bool
/// that decides the path, or a call that throws). A load whose query is already filtered by the current user needs none.
/// </summary>
/// <remarks>
/// "On every path" is decided on the control flow graph: the return is guarded when it cannot be reached if every check
/// fails (<see cref="ControlFlowPaths"/>). A check whose result is ignored guards nothing. Like PRIV001 this is a
/// compilation-end diagnostic: whether the endpoint is anonymous (then PRIV001 reports it instead) depends on global
/// authorization written in other files, and helper methods may live in other files too. IDEs show it with full-solution
/// analysis; builds always report it.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RecordingWithoutResourceCheckAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Value of <see cref="DiagnosticProperties.Fix"/> when the code fix can insert an <c>AuthorizeAsync</c> check.</summary>
    public const string FixAuthorizeResource = "AuthorizeResource";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RecordingWithoutResourceCheck);

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

    /// <summary>Per compilation: candidates found while analyzing, decided at compilation end.</summary>
    private sealed class State
    {
        private readonly Compilation compilation;
        private readonly EndpointModel endpoints;
        private readonly EndpointAuthorization authorization;
        private readonly RecordingQueryModel queries;
        private readonly ResponseContentModel content;
        private readonly GlobalAuthorization global;
        private readonly INamedTypeSymbol? authorizationService;
        private readonly INamedTypeSymbol? authorizationServiceExtensions;
        private readonly INamedTypeSymbol? authorizationResult;
        private readonly INamedTypeSymbol? actionResultInterface;
        private readonly ConcurrentQueue<Candidate> candidates = new();
        private readonly ConcurrentQueue<(Endpoint Endpoint, LocalAuthorization Local)> methodGroups = new();
        private readonly ConcurrentDictionary<IMethodSymbol, Candidate> methodCandidates = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<(int Resource, int User)>> helpers = new(SymbolEqualityComparer.Default);
        private readonly PerOptions<Models> models = new();

        public State(Compilation compilation, EndpointModel endpoints, GlobalAuthorization global)
        {
            this.compilation = compilation;
            this.endpoints = endpoints;
            this.authorization = EndpointAuthorization.For(compilation);
            this.queries = RecordingQueryModel.For(compilation);
            this.content = ResponseContentModel.For(compilation);
            this.global = global;
            var types = WellKnownTypes.For(compilation);
            this.authorizationService = types.Get(WellKnownTypeNames.AuthorizationIAuthorizationService);
            this.authorizationServiceExtensions = types.Get(WellKnownTypeNames.AuthorizationAuthorizationServiceExtensions);
            this.authorizationResult = types.Get(WellKnownTypeNames.AuthorizationAuthorizationResult);
            this.actionResultInterface = types.Get(WellKnownTypeNames.MvcIActionResult);
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
                if (block is not (IMethodBodyOperation or IBlockOperation))
                {
                    this.global.Scan(block, this.authorization, context.CancellationToken);
                    continue;
                }

                var models = this.ModelsFor(context.Options, block.Syntax.SyntaxTree);

                // Global protection, whether a call returns a recording, and the Map* calls: all three are found among the
                // block's invocations (and assignments), which the flattened tree keeps apart, in one pass over them (a
                // second pass over a large block costs as much again in cache misses).
                var tree = OperationWalk.Flat(block);
                this.global.ScanAssignments(tree, this.authorization);
                var loadsRecording = false;
                List<Endpoint>? minimalApis = null;
                // The methods and types of the calls are read from the tree, which keeps them: a call itself is fetched only
                // when its method's name or type says it matters.
                for (var i = 0; i < tree.Invocations.Length; i++)
                {
                    this.global.OnInvocation(tree, i, this.authorization, context.CancellationToken);
                    loadsRecording = loadsRecording || models.Recordings.IsRecordingType(tree.InvocationTypes[i]?.UnwrapTask());
                    if (this.endpoints.IsMapCall(tree.TargetMethods[i]) && this.endpoints.TryGetMinimalApi(tree.Invocations[i]) is { } mapped)
                    {
                        (minimalApis ??= new List<Endpoint>()).Add(mapped);
                    }
                }

                // The flow and the graph are not built here: LocalFlow.For and the host's GetControlFlowGraph keep the
                // block's, so each use below asks again instead of capturing them in a closure allocated for every block.
                this.RecordHelper(method, block, models, context.CancellationToken);

                // Nothing can be a candidate unless a call in the block returns a recording (every handler body is in the block):
                // the common case skips this, with no endpoint, flow or graph work.
                if (loadsRecording)
                {
                    if (this.endpoints.ForMethod(method, block) is { } endpoint)
                    {
                        if (this.Analyze(endpoint, block, block, context, inLambda: false, models) is { } candidate)
                        {
                            candidate.Local = this.authorization.Describe(endpoint, LocalFlow.For(block, context.CancellationToken));
                            this.candidates.Enqueue(candidate);
                        }
                    }
                    else if (method.MethodKind == MethodKind.Ordinary && EndpointModel.GetIdentifierLocation(method) is { } location)
                    {
                        // Perhaps a minimal-API handler passed as a method group: joined with its Map* call at compilation end.
                        var handler = new Endpoint(EndpointKind.MinimalApi, method, block, null, location, method.Name);
                        if (this.Analyze(handler, block, block, context, inLambda: false, models) is { } candidate)
                        {
                            this.methodCandidates.TryAdd(method.OriginalDefinition, candidate);
                        }
                    }
                }

                if (minimalApis is null)
                {
                    continue;
                }

                foreach (var minimal in minimalApis)
                {
                    if (minimal.Body is null)
                    {
                        this.methodGroups.Enqueue((minimal, this.authorization.Describe(minimal, LocalFlow.For(block, context.CancellationToken))));
                    }
                    else if (loadsRecording && this.Analyze(minimal, minimal.Body, block, context, inLambda: true, models) is { } candidate)
                    {
                        candidate.Local = this.authorization.Describe(minimal, LocalFlow.For(block, context.CancellationToken));
                        this.candidates.Enqueue(candidate);
                    }
                }
            }
        }

        /// <summary>The models and options in force for <paramref name="tree"/> (options are fixed for one compilation analysis).</summary>
        private Models ModelsFor(AnalyzerOptions options, SyntaxTree tree) =>
            this.models.For(options, tree, this.compilation, static (options, tree, compilation) => new Models(
                RecordingModel.For(compilation, options, DiagnosticIds.RecordingWithoutResourceCheck, tree),
                CurrentUserModel.For(compilation, options, DiagnosticIds.RecordingWithoutResourceCheck, tree),
                PrivacyOptions.AccessCheckMethods.ReadSymbols(options, DiagnosticIds.RecordingWithoutResourceCheck, tree, compilation),
                PrivacyOptions.ResourcePolicyName.Read(options, DiagnosticIds.RecordingWithoutResourceCheck, tree)));

        public void Report(CompilationAnalysisContext context)
        {
            foreach (var candidate in this.candidates)
            {
                this.Report(context, candidate, candidate.Endpoint, candidate.Local!);
            }

            foreach (var (endpoint, local) in this.methodGroups)
            {
                if (this.methodCandidates.TryGetValue(endpoint.Handler.OriginalDefinition, out var candidate))
                {
                    this.Report(context, candidate, endpoint, local);
                }
            }
        }

        private void Report(CompilationAnalysisContext context, Candidate candidate, Endpoint endpoint, LocalAuthorization local)
        {
            var effective = EndpointAuthorization.Resolve(endpoint, local, this.global);
            if (effective.Level == AccessLevel.Anonymous || effective.MayCheckResource ||
                !candidate.IsUnguarded(this, context.CancellationToken))
            {
                return;
            }

            var why = effective.Level == AccessLevel.Unknown
                ? "whoever can call it gets any customer's recording"
                : effective.IsRoleOrPolicy
                    ? effective.Description + " restricts who may call it, not whose recordings they get"
                    : effective.Description + " only requires a signed-in caller, who then gets any customer's recording";

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RecordingWithoutResourceCheck,
                endpoint.Location,
                candidate.FixProperties,
                endpoint.Name,
                candidate.KeyName,
                why));
        }

        /// <summary>
        /// The candidate when <paramref name="body"/> (<paramref name="block"/>, or a lambda in it when
        /// <paramref name="inLambda"/>) loads a recording by a caller-supplied key and exposes it.
        /// </summary>
        private Candidate? Analyze(Endpoint endpoint, IOperation body, IOperation block, in OperationBlockAnalysisContext context, bool inLambda, Models models)
        {
            if (!CallsReturnRecording(body, models.Recordings))
            {
                return null;
            }

            var cancellationToken = context.CancellationToken;
            var flow = LocalFlow.For(block, cancellationToken);
            var handler = endpoint.Handler;
            bool IsCallerSupplied(IOperation operation) =>
                (operation is IParameterReferenceOperation { Parameter: var parameter } &&
                 SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, handler) &&
                 this.endpoints.IsCallerSupplied(parameter, endpoint.Kind)) ||
                this.endpoints.IsBoundRequestValue(operation);

            var loads = new HashSet<SyntaxNode>();
            string? keyName = null;
            string? variable = null;
            foreach (var operation in OperationWalk.Descendants(body))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is not IInvocationOperation invocation ||
                    !this.queries.IsSingleLoad(invocation, models.Recordings, flow, out var filters) ||
                    RecordingQueryModel.FiltersByCurrentUser(filters, models.CurrentUser, flow))
                {
                    continue;
                }

                foreach (var filter in filters)
                {
                    string? name = null;
                    if (flow.Mentions(filter, op =>
                        {
                            if (!IsCallerSupplied(op))
                            {
                                return false;
                            }

                            name = op is IParameterReferenceOperation p ? p.Parameter.Name : ((IPropertyReferenceOperation)op).Property.Name;
                            return true;
                        }))
                    {
                        loads.Add(invocation.Syntax);
                        keyName ??= name;
                        variable ??= AssignedLocal(invocation);
                        break;
                    }
                }
            }

            // The control-flow graph is the costliest step, and many loads are never returned or sent (four in ten in the
            // bench's corpus): it is built only when the operation tree has a return or a content sink that mentions a
            // load. That tree holds every value the graph's returns, captures and sinks are made of, so this never
            // skips an exposure the graph would find.
            if (loads.Count == 0 || !this.MayExpose(body, flow, loads))
            {
                return null;
            }

            var blockGraph = context.GetControlFlowGraph(block);
            if ((inLambda ? ControlFlowPaths.FindAnonymousFunctionGraph(blockGraph, endpoint.Handler, cancellationToken) : blockGraph) is not { } graph)
            {
                return null;
            }

            var graphFlow = LocalFlow.For(body.GetRoot(), cancellationToken).With(graph, cancellationToken);
            bool IsLoad(IOperation op) => IsOneOf(loads, op);
            bool MentionsLoaded(IOperation op) => graphFlow.Mentions(op, IsLoad, IsKeyMember);

            // A returned flow capture (the value of a ?: or ??) is judged where each value is captured, not at the return.
            bool ReturnMentionsLoaded(IOperation op) => graphFlow.Mentions(op, IsLoad, o => IsKeyMember(o) || o is IFlowCaptureReferenceOperation);

            var targets = this.FindExposures(graph, MentionsLoaded, ReturnMentionsLoaded, cancellationToken);
            if (targets.Count == 0)
            {
                return null;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (this.CanFix(endpoint, variable) is { } serviceMember)
            {
                properties = properties
                    .Add(DiagnosticProperties.Fix, FixAuthorizeResource)
                    .Add(DiagnosticProperties.RecordingVariable, variable)
                    .Add(DiagnosticProperties.PolicyName, models.PolicyName)
                    .Add(DiagnosticProperties.AuthorizationServiceMember, serviceMember);
            }

            return new Candidate(endpoint, graph, graphFlow, targets, loads, models, keyName ?? "key", properties);
        }

        /// <summary>A cheap first look: no call in the body returns a recording, so nothing loads one.</summary>
        private static bool CallsReturnRecording(IOperation body, RecordingModel recordings)
        {
            foreach (var operation in OperationWalk.Descendants(body))
            {
                if (operation is IInvocationOperation call && recordings.IsRecordingType(call.Type?.UnwrapTask()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a return or a content sink in <paramref name="body"/> mentions one of <paramref name="loads"/> (a superset of <see cref="FindExposures"/>).</summary>
        private bool MayExpose(IOperation body, LocalFlow flow, HashSet<SyntaxNode> loads)
        {
            bool IsLoad(IOperation op) => IsOneOf(loads, op);
            bool MentionsLoad(IOperation op) => flow.Mentions(op, IsLoad, IsKeyMember);

            foreach (var operation in OperationWalk.Descendants(body))
            {
                if (operation.Kind is OperationKind.Return or OperationKind.YieldReturn &&
                    ((IReturnOperation)operation).ReturnedValue is { } returned && MentionsLoad(returned))
                {
                    return true;
                }

                if (this.content.AsSink(operation) is { IsLink: false } sink && Exists(sink.Operands, MentionsLoad))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Returns of the loaded recording (or values computed from it) and content sinks that send it.</summary>
        private HashSet<IOperation> FindExposures(ControlFlowGraph graph, System.Func<IOperation, bool> mentionsLoaded, System.Func<IOperation, bool> returnMentionsLoaded, CancellationToken cancellationToken)
        {
            var returnedCaptures = new HashSet<CaptureId>();
            foreach (var block in graph.Blocks)
            {
                if (block.BranchValue is { } value && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                {
                    foreach (var part in value.DescendantsAndSelf())
                    {
                        if (part is IFlowCaptureReferenceOperation reference)
                        {
                            returnedCaptures.Add(reference.Id);
                        }
                    }
                }
            }

            var targets = new HashSet<IOperation>();
            foreach (var block in graph.Blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var operation in block.Operations)
                {
                    if (operation is IFlowCaptureOperation capture && returnedCaptures.Contains(capture.Id) && mentionsLoaded(capture.Value))
                    {
                        targets.Add(operation);
                        continue;
                    }

                    foreach (var part in operation.DescendantsAndSelf())
                    {
                        if (this.content.AsSink(part) is { IsLink: false } sink && Exists(sink.Operands, mentionsLoaded))
                        {
                            targets.Add(operation);
                            break;
                        }
                    }
                }

                if (block.BranchValue is { } value && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return && returnMentionsLoaded(value))
                {
                    targets.Add(value);
                }
            }

            return targets;
        }

        /// <summary>For a helper returning bool: which of its inputs it compares with the current user (or with each other).</summary>
        private void RecordHelper(IMethodSymbol method, IOperation body, Models models, CancellationToken cancellationToken)
        {
            // Flags first: ReturnType makes a new symbol on every read in nullable-enabled code, Parameters a new array, and
            // this is asked of every method.
            if ((method.IsStatic && method.Parameters.IsEmpty) || method.ReturnsVoid ||
                method.ReturnType.UnwrapTask().SpecialType != SpecialType.System_Boolean)
            {
                return;
            }

            // The flow is built at the first comparison: most bool methods compare nothing.
            LocalFlow? flow = null;
            ImmutableArray<(int, int)>.Builder? pairs = null;
            var tree = OperationWalk.Flat(body);
            for (var i = 1; i < tree.Operations.Length; i++)
            {
                // Only comparisons and Equals calls pair values: the kind kept beside each operation says which to look at.
                if (tree.KindAt(i) is not (OperationKind.Binary or OperationKind.Invocation))
                {
                    continue;
                }

                IOperation? left = null;
                IOperation? right = null;
                switch (tree.Operations[i])
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                        left = comparison.LeftOperand;
                        right = comparison.RightOperand;
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Equals" } equals:
                        var operands = new List<IOperation>();
                        if (equals.Instance is { } instance)
                        {
                            operands.Add(instance);
                        }

                        foreach (var argument in equals.Arguments)
                        {
                            operands.Add(argument.Value);
                        }

                        if (operands.Count >= 2)
                        {
                            left = operands[0];
                            right = operands[1];
                        }

                        break;
                }

                if (left is null || right is null)
                {
                    continue;
                }

                // A comparison pairs two inputs only when both sides come from one: most comparisons of a bool method
                // (a lambda's x.Id == id) have a side from no input, and the other side's flow searches are skipped.
                flow ??= LocalFlow.For(body, cancellationToken);
                var leftSlots = Slots(method, left, models, flow);
                if (leftSlots.Count == 0)
                {
                    continue;
                }

                var rightSlots = Slots(method, right, models, flow);
                pairs ??= ImmutableArray.CreateBuilder<(int, int)>();
                foreach (var a in leftSlots)
                {
                    foreach (var b in rightSlots)
                    {
                        if (a != b && a != Slot.User)
                        {
                            pairs.Add((a, b));
                        }

                        if (a != b && b != Slot.User)
                        {
                            pairs.Add((b, a));
                        }
                    }
                }
            }

            if (pairs is { Count: > 0 })
            {
                this.helpers.TryAdd(method.OriginalDefinition, pairs.ToImmutable());
            }
        }

        /// <summary>Parameter ordinals, <see cref="Slot.Instance"/> and <see cref="Slot.User"/> a helper's operand comes from.</summary>
        private static List<int> Slots(IMethodSymbol method, IOperation operand, Models models, LocalFlow flow)
        {
            var slots = new List<int>();
            foreach (var parameter in method.Parameters)
            {
                if (flow.Mentions(operand, op => op is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, parameter)))
                {
                    slots.Add(parameter.Ordinal);
                }
            }

            if (models.CurrentUser.MentionsCurrentUser(operand, flow))
            {
                slots.Add(Slot.User);
            }
            else if (!method.IsStatic && flow.Mentions(operand, op => op is IInstanceReferenceOperation))
            {
                slots.Add(Slot.Instance);
            }

            return slots;
        }

        /// <summary>The member the fix reaches <c>IAuthorizationService</c> through ("" to add a parameter), or null when no fix is safe.</summary>
        private string? CanFix(Endpoint endpoint, string? variable)
        {
            var method = endpoint.Handler;
            if (variable is null || this.authorizationService is null || endpoint.Kind == EndpointKind.MinimalApi || !method.IsAsync ||
                !method.ReturnType.UnwrapTask().IsOrInheritsFrom(this.actionResultInterface) && !IsActionResultOfT(method.ReturnType.UnwrapTask()))
            {
                return null;
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    var memberType = member switch
                    {
                        IFieldSymbol field => field.Type,
                        IPropertySymbol property => property.Type,
                        _ => null,
                    };

                    if (memberType is not null && memberType.IsOrInheritsFrom(this.authorizationService) && !member.IsStatic &&
                        (SymbolEqualityComparer.Default.Equals(type, method.ContainingType) || member.DeclaredAccessibility != Accessibility.Private))
                    {
                        return member.Name;
                    }
                }
            }

            return string.Empty;
        }

        private static bool IsActionResultOfT(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "ActionResult", IsGenericType: true, ContainingNamespace: { Name: "Mvc", ContainingNamespace.Name: "AspNetCore" } };

        private static string? AssignedLocal(IInvocationOperation load)
        {
            IOperation current = load;
            while (current.Parent is IConversionOperation or IAwaitOperation)
            {
                current = current.Parent;
            }

            return current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol.Name : null;
        }

        /// <summary>True when <paramref name="operation"/> is one of the recording loads (kept by syntax: a graph's operations are copies of the tree's).</summary>
        private static bool IsOneOf(HashSet<SyntaxNode> loads, IOperation operation) =>
            operation is IInvocationOperation && loads.Contains(operation.Syntax);

        /// <summary><c>recording.Id</c>: returning the key of a recording (CreatedAtAction...) does not expose it.</summary>
        private static bool IsKeyMember(IOperation operation) =>
            operation is IMemberReferenceOperation { Member: var member, Instance.Type: { } type } &&
            (member.Name == "Id" || member.Name == type.Name + "Id");

        private static bool Exists(ImmutableArray<IOperation> operands, System.Func<IOperation, bool> predicate)
        {
            foreach (var operand in operands)
            {
                if (predicate(operand))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A handler that loads a recording by key and exposes it; whether a check guards every exposure is decided at the end.</summary>
        private sealed class Candidate
        {
            private readonly ControlFlowGraph graph;
            private readonly LocalFlow flow;
            private readonly HashSet<IOperation> targets;
            private readonly HashSet<SyntaxNode> loads;
            private readonly Models models;

            public Candidate(Endpoint endpoint, ControlFlowGraph graph, LocalFlow flow, HashSet<IOperation> targets, HashSet<SyntaxNode> loads, Models models, string keyName, ImmutableDictionary<string, string?> fixProperties)
            {
                this.Endpoint = endpoint;
                this.graph = graph;
                this.flow = flow;
                this.targets = targets;
                this.loads = loads;
                this.models = models;
                this.KeyName = keyName;
                this.FixProperties = fixProperties;
            }

            public Endpoint Endpoint { get; }

            public LocalAuthorization? Local { get; set; }

            public string KeyName { get; }

            public ImmutableDictionary<string, string?> FixProperties { get; }

            public bool IsUnguarded(State state, CancellationToken cancellationToken) =>
                ControlFlowPaths.CanReach(
                    this.graph,
                    this.targets.Contains,
                    operation => this.IsThrowingCheck(operation),
                    condition => ControlFlowPaths.Evaluate(condition, atom => this.WhenDenied(atom, state), this.flow),
                    cancellationToken);

            private bool MentionsLoaded(IOperation? operation) =>
                operation is not null && this.flow.Mentions(operation, op => IsOneOf(this.loads, op));

            private bool MentionsUser(IOperation? operation) =>
                operation is not null && this.models.CurrentUser.MentionsCurrentUser(operation, this.flow);

            /// <summary>A configured access check that does not return bool: it throws when access is denied.</summary>
            private bool IsThrowingCheck(IOperation operation)
            {
                if (this.models.AccessChecks.IsEmpty)
                {
                    return false;
                }

                foreach (var part in operation.DescendantsAndSelf())
                {
                    if (part is IInvocationOperation call &&
                        call.TargetMethod.ReturnType.UnwrapTask().SpecialType != SpecialType.System_Boolean &&
                        this.models.AccessChecks.Contains(call.TargetMethod) &&
                        this.AnyInputMentionsLoaded(call))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The value of a condition's atom when the caller may not access the loaded recording.</summary>
            private Truth WhenDenied(IOperation atom, State state)
            {
                switch (atom)
                {
                    case IAwaitOperation awaited:
                        return this.WhenDenied(awaited.Operation, state);

                    case IPropertyReferenceOperation { Property.Name: "Succeeded", Instance: { } result } succeeded
                        when succeeded.Property.ContainingType.IsOrDerivesFrom(state.authorizationResult) &&
                             this.flow.Mentions(result, op => op is IInvocationOperation call && state.IsResourceAuthorization(call, this)):
                        return Truth.False;

                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                        when (this.MentionsLoaded(comparison.LeftOperand) && this.MentionsUser(comparison.RightOperand)) ||
                             (this.MentionsLoaded(comparison.RightOperand) && this.MentionsUser(comparison.LeftOperand)):
                        return comparison.OperatorKind == BinaryOperatorKind.Equals ? Truth.False : Truth.True;

                    case IInvocationOperation call when call.TargetMethod.ReturnType.UnwrapTask().SpecialType == SpecialType.System_Boolean:
                        return this.IsBooleanCheck(call, state) ? Truth.False : Truth.Unknown;

                    default:
                        return Truth.Unknown;
                }
            }

            private bool IsBooleanCheck(IInvocationOperation call, State state)
            {
                var method = call.TargetMethod;
                if (this.models.AccessChecks.Contains(method))
                {
                    return this.AnyInputMentionsLoaded(call);
                }

                if (method.Name == "Equals")
                {
                    var loaded = this.MentionsLoaded(call.Instance);
                    var user = this.MentionsUser(call.Instance);
                    foreach (var argument in call.Arguments)
                    {
                        loaded |= this.MentionsLoaded(argument.Value);
                        user |= this.MentionsUser(argument.Value);
                    }

                    return loaded && user;
                }

                if (!state.helpers.TryGetValue(method.OriginalDefinition, out var pairs))
                {
                    return false;
                }

                foreach (var (resource, user) in pairs)
                {
                    if (this.MentionsLoaded(Input(call, resource)) && (user == Slot.User || this.MentionsUser(Input(call, user))))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool AnyInputMentionsLoaded(IInvocationOperation call)
            {
                if (this.MentionsLoaded(call.Instance))
                {
                    return true;
                }

                foreach (var argument in call.Arguments)
                {
                    if (this.MentionsLoaded(argument.Value))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static IOperation? Input(IInvocationOperation call, int slot)
            {
                if (slot == Slot.Instance)
                {
                    return call.Instance;
                }

                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Ordinal == slot)
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            public bool ResourceMentionsLoaded(IOperation resource) => this.MentionsLoaded(resource);
        }

        /// <summary><c>AuthorizeAsync(user, resource, ...)</c> of <c>IAuthorizationService</c> with the loaded recording as resource.</summary>
        private bool IsResourceAuthorization(IInvocationOperation call, Candidate candidate)
        {
            var method = call.TargetMethod;
            if (method.Name != "AuthorizeAsync" ||
                !(method.ContainingType.IsOrInheritsFrom(this.authorizationService) ||
                  SymbolEqualityComparer.Default.Equals(method.ContainingType, this.authorizationServiceExtensions)))
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == "resource" && candidate.ResourceMentionsLoaded(argument.Value))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The models and options in force for the syntax trees that share one options object.</summary>
    private sealed class Models
    {
        public Models(RecordingModel recordings, CurrentUserModel currentUser, SymbolSet accessChecks, string policyName)
        {
            this.Recordings = recordings;
            this.CurrentUser = currentUser;
            this.AccessChecks = accessChecks;
            this.PolicyName = policyName;
        }

        public RecordingModel Recordings { get; }

        public CurrentUserModel CurrentUser { get; }

        public SymbolSet AccessChecks { get; }

        public string PolicyName { get; }
    }

    /// <summary>Helper inputs that are not parameters.</summary>
    private static class Slot
    {
        public const int Instance = -1;
        public const int User = -2;
    }
}
