using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.Meta;

/// <summary>
/// Every analyzer has the same shape: concurrent, explicit about generated code, and registering its work
/// from a compilation-start action (where the types it needs are resolved once and absent types end the work).
/// </summary>
public sealed class AnalyzerShapeTests
{
    [Fact]
    public void EveryAnalyzer_IsConcurrent_ConfiguresGeneratedCode_AndStartsPerCompilation()
    {
        foreach (var analyzer in ProductCatalog.Analyzers)
        {
            var context = new RecordingAnalysisContext();
            analyzer.Initialize(context);

            var name = analyzer.GetType().Name;
            Assert.True(context.ConcurrentExecutionEnabled, $"{name} does not call EnableConcurrentExecution");
            Assert.True(context.GeneratedCodeConfigured, $"{name} does not call ConfigureGeneratedCodeAnalysis");
            Assert.True(context.CompilationStartActions > 0, $"{name} does not register a compilation-start action");
            Assert.True(context.OtherActions == 0, $"{name} registers per-node work outside compilation start");
        }
    }

    /// <summary>An <see cref="AnalysisContext"/> that only records what an analyzer registers.</summary>
    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        public bool ConcurrentExecutionEnabled { get; private set; }

        public bool GeneratedCodeConfigured { get; private set; }

        public int CompilationStartActions { get; private set; }

        public int OtherActions { get; private set; }

        public override void EnableConcurrentExecution() => this.ConcurrentExecutionEnabled = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => this.GeneratedCodeConfigured = true;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => this.CompilationStartActions++;

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => this.OtherActions++;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => this.OtherActions++;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => this.OtherActions++;

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => this.OtherActions++;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => this.OtherActions++;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => this.OtherActions++;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => this.OtherActions++;

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => this.OtherActions++;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => this.OtherActions++;

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => this.OtherActions++;
    }
}
