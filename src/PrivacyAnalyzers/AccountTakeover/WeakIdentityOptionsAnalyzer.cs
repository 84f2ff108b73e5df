using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.AccountTakeover;

/// <summary>
/// PRIV041: ASP.NET Core Identity lockout and password options set to values that make brute force and
/// credential stuffing easy. Any assignment counts (inside <c>AddIdentity</c>, <c>Configure&lt;IdentityOptions&gt;</c>,
/// an object initializer...), since the options types are only ever used to configure Identity.
/// Only values the compiler can fold are judged; a value read from configuration is not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakIdentityOptionsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Identity's own default: five failed attempts.</summary>
    private const int RecommendedMaxFailedAccessAttempts = 5;

    /// <summary>Identity's own default: five minutes.</summary>
    private const int RecommendedLockoutMinutes = 5;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WeakIdentityOptions);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeHandling.SkipGeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var identity = IdentityModel.For(start.Compilation);
            if (identity.LockoutOptions is null && identity.PasswordOptions is null)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeAssignment(context, identity), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, IdentityModel identity)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
        {
            return;
        }

        // The checked member by name first, its options type after: reading ContainingType through the public symbol
        // model allocates, and this runs for every assignment of the compilation.
        var finding = property.Name switch
        {
            "AllowedForNewUsers" or "MaxFailedAccessAttempts" or "DefaultLockoutTimeSpan" when IsMemberOf(property, identity.LockoutOptions) =>
                CheckLockout(property.Name, assignment.Value, context, identity),
            "RequiredLength" when IsMemberOf(property, identity.PasswordOptions) =>
                CheckPassword(property.Name, assignment.Value, context),
            _ => null,
        };

        if (finding is not { } weakness)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.WeakIdentityOptions,
            assignment.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ReplacementExpression, weakness.Replacement),
            weakness.Member,
            weakness.Value,
            weakness.Reason));
    }

    private static Weakness? CheckLockout(string member, IOperation value, OperationAnalysisContext context, IdentityModel identity)
    {
        switch (member)
        {
            case "AllowedForNewUsers" when ConstantValues.TryGetBoolean(value, out var allowed) && !allowed:
                return new Weakness("Lockout.AllowedForNewUsers", "false", "new accounts are never locked out after failed sign-ins", "true");

            case "MaxFailedAccessAttempts" when ConstantValues.TryGetInt64(value, out var attempts):
                var maxAttempts = PrivacyOptions.MaxFailedAccessAttempts.Read(context.Options, DiagnosticIds.WeakIdentityOptions, value.Syntax.SyntaxTree);
                return attempts > maxAttempts
                    ? new Weakness(
                        "Lockout.MaxFailedAccessAttempts",
                        Format(attempts),
                        $"more than {Format(maxAttempts)} failed sign-in attempts are allowed before lockout",
                        Format(Math.Min(RecommendedMaxFailedAccessAttempts, maxAttempts)))
                    : null;

            case "DefaultLockoutTimeSpan" when identity.TimeSpan is { } timeSpanType && ConstantValues.TryGetTimeSpan(value, timeSpanType, out var duration):
                var minMinutes = PrivacyOptions.MinLockoutMinutes.Read(context.Options, DiagnosticIds.WeakIdentityOptions, value.Syntax.SyntaxTree);
                return duration < TimeSpan.FromMinutes(minMinutes)
                    ? new Weakness(
                        "Lockout.DefaultLockoutTimeSpan",
                        duration.ToString("c", CultureInfo.InvariantCulture),
                        $"a lockout shorter than {Format(minMinutes)} minute(s) barely slows an attacker down",
                        $"global::System.TimeSpan.FromMinutes({Format(Math.Max(RecommendedLockoutMinutes, minMinutes))})")
                    : null;

            default:
                return null;
        }
    }

    private static Weakness? CheckPassword(string member, IOperation value, OperationAnalysisContext context)
    {
        if (member != "RequiredLength" || !ConstantValues.TryGetInt64(value, out var length))
        {
            return null;
        }

        var minLength = PrivacyOptions.MinPasswordLength.Read(context.Options, DiagnosticIds.WeakIdentityOptions, value.Syntax.SyntaxTree);
        return length < minLength
            ? new Weakness(
                "Password.RequiredLength",
                Format(length),
                $"passwords shorter than {Format(minLength)} characters are easy to guess (NIST SP 800-63B)",
                Format(minLength))
            : null;
    }

    private static bool IsMemberOf(IPropertySymbol property, INamedTypeSymbol? options) =>
        options is not null && SymbolEqualityComparer.Default.Equals(property.ContainingType, options);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What is weak, as the message names it, and the expression that mends it.</summary>
    private readonly struct Weakness
    {
        public Weakness(string member, string value, string reason, string replacement)
        {
            this.Member = member;
            this.Value = value;
            this.Reason = reason;
            this.Replacement = replacement;
        }

        public string Member { get; }

        public string Value { get; }

        public string Reason { get; }

        public string Replacement { get; }
    }
}
