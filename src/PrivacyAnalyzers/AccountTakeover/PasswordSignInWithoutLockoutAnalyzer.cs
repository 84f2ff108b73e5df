using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;

namespace PrivacyAnalyzers.AccountTakeover;

/// <summary>
/// PRIV040: <c>SignInManager.PasswordSignInAsync</c> / <c>CheckPasswordSignInAsync</c> called with
/// <c>lockoutOnFailure</c> false (a literal, a constant, or a local or private field that is only ever
/// false). Without lockout, failed password attempts are never counted and credential stuffing is free.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PasswordSignInWithoutLockoutAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PasswordSignInWithoutLockout);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeHandling.SkipGeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var identity = IdentityModel.For(start.Compilation);
            if (identity.SignInManager is null)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeInvocation(context, identity), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IdentityModel identity)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!identity.IsPasswordSignIn(invocation.TargetMethod))
        {
            return;
        }

        var lockout = invocation.GetArgument(IdentityModel.LockoutOnFailureParameter);
        if (lockout is null || lockout.IsImplicit || !AssignedValues.IsAlwaysFalse(lockout.Value, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.PasswordSignInWithoutLockout,
            lockout.Syntax.GetLocation(),
            invocation.TargetMethod.Name));
    }
}
