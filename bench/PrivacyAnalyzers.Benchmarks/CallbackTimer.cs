using System;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyAnalyzers.Benchmarks;

// A measuring wrapper, never loaded by a host: the analyzer it wraps says which code it analyzes and whether it runs
// concurrently, and registers its actions through the contexts below, which the analyzer-authoring rules cannot see.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

/// <summary>
/// An analyzer wrapped so that every callback it registers is timed, without the garbage-collection pauses that fall
/// inside it, and its allocations counted (see <see cref="BuildComparison"/>). A pause stops every thread wherever it
/// happens, mostly for the compiler's allocations: in a logged execution time it adds 0 to 450 ms to a run at random,
/// which hides differences of 10 % between two builds.
/// </summary>
/// <remarks>
/// Actions registered inside an operation-block start are registered through a context built with the host-less
/// constructor (obsolete, kept for tests): it cannot give them a control-flow graph, which none of ours asks of it.
/// Single-threaded passes only (the bench's): the figures are plain fields.
/// </remarks>
internal sealed class CallbackTimer : DiagnosticAnalyzer
{
    public CallbackTimer(DiagnosticAnalyzer inner) => this.Inner = inner;

    public DiagnosticAnalyzer Inner { get; }

    /// <summary>Stopwatch ticks inside callbacks, minus the pauses in them.</summary>
    public long Ticks { get; private set; }

    public long AllocatedBytes { get; private set; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => this.Inner.SupportedDiagnostics;

    public double Milliseconds => this.Ticks * 1000.0 / Stopwatch.Frequency;

    public void Reset()
    {
        this.Ticks = 0;
        this.AllocatedBytes = 0;
    }

    public override void Initialize(AnalysisContext context) => this.Inner.Initialize(new Context(context, this));

    private Action<T> Timed<T>(Action<T> action) => argument =>
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var paused = GC.GetTotalPauseDuration();
        var start = Stopwatch.GetTimestamp();
        try
        {
            action(argument);
        }
        finally
        {
            var elapsed = Stopwatch.GetTimestamp() - start;
            var pause = (long)((GC.GetTotalPauseDuration() - paused).TotalSeconds * Stopwatch.Frequency);

            // The process's pause total can grow by more than the pauses inside the clocked time (a pause between
            // reading it and starting the clock, or one counted when it ends): taking it all off once made a callback's
            // time negative (a run's total of 2 ms, and -141 ms for one analyzer, at 50k lines). At most the callback's
            // own time is taken off.
            this.Ticks += elapsed - Math.Min(pause, elapsed);
            this.AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
        }
    };

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext inner;
        private readonly CallbackTimer timer;

        public Context(AnalysisContext inner, CallbackTimer timer)
        {
            this.inner = inner;
            this.timer = timer;
        }

        public override void EnableConcurrentExecution() => this.inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => this.inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            this.inner.RegisterCompilationStartAction(this.timer.Timed<CompilationStartAnalysisContext>(start => action(new StartContext(start, this.timer))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => this.inner.RegisterCompilationAction(this.timer.Timed(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => this.inner.RegisterSyntaxTreeAction(this.timer.Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => this.inner.RegisterSemanticModelAction(this.timer.Timed(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => this.inner.RegisterSymbolAction(this.timer.Timed(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw new NotSupportedException("CallbackTimer does not time code-block start actions.");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => this.inner.RegisterCodeBlockAction(this.timer.Timed(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            this.inner.RegisterSyntaxNodeAction(this.timer.Timed(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            this.inner.RegisterOperationAction(this.timer.Timed(action), operationKinds);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => this.inner.RegisterOperationBlockAction(this.timer.Timed(action));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            this.inner.RegisterOperationBlockStartAction(this.timer.Timed<OperationBlockStartAnalysisContext>(start => action(new BlockStartContext(start, this.timer))));
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext inner;
        private readonly CallbackTimer timer;

        public StartContext(CompilationStartAnalysisContext inner, CallbackTimer timer)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            this.inner = inner;
            this.timer = timer;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => this.inner.RegisterCompilationEndAction(this.timer.Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => this.inner.RegisterSemanticModelAction(this.timer.Timed(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => this.inner.RegisterSymbolAction(this.timer.Timed(action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            throw new NotSupportedException("CallbackTimer does not time symbol start actions.");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw new NotSupportedException("CallbackTimer does not time code-block start actions.");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => this.inner.RegisterCodeBlockAction(this.timer.Timed(action));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            this.inner.RegisterOperationBlockStartAction(this.timer.Timed<OperationBlockStartAnalysisContext>(start => action(new BlockStartContext(start, this.timer))));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => this.inner.RegisterOperationBlockAction(this.timer.Timed(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => this.inner.RegisterSyntaxTreeAction(this.timer.Timed(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => this.inner.RegisterAdditionalFileAction(this.timer.Timed(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            this.inner.RegisterSyntaxNodeAction(this.timer.Timed(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            this.inner.RegisterOperationAction(this.timer.Timed(action), operationKinds);
    }

    private sealed class BlockStartContext : OperationBlockStartAnalysisContext
    {
        private readonly OperationBlockStartAnalysisContext inner;
        private readonly CallbackTimer timer;

#pragma warning disable CS0618 // The host-less constructor: see the remarks on CallbackTimer.
        public BlockStartContext(OperationBlockStartAnalysisContext inner, CallbackTimer timer)
            : base(inner.OperationBlocks, inner.OwningSymbol, inner.Compilation, inner.Options, inner.CancellationToken)
#pragma warning restore CS0618
        {
            this.inner = inner;
            this.timer = timer;
        }

        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) => this.inner.RegisterOperationBlockEndAction(this.timer.Timed(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            this.inner.RegisterOperationAction(this.timer.Timed(action), operationKinds);
    }
}
