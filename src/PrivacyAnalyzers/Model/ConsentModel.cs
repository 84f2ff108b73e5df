using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// What a consent check is, resolved once per compilation for one kind of collected data. A consent check is a
/// call or a read whose result says whether consent was given:
/// <list type="bullet">
/// <item>a member whose name contains <c>Consent</c> (and no word of refusal such as <c>Revoked</c> or
/// <c>Required</c>) returning <c>bool</c>, <c>Task&lt;bool&gt;</c>, <c>ValueTask&lt;bool&gt;</c>, or an enum compared with
/// a granted value (<c>Granted</c>, <c>Given</c>, <c>Allowed</c>...); a member returning an enum whose type name contains <c>Consent</c>;</item>
/// <item>a member configured in <c>consent_checks</c>;</item>
/// <item>a method (or property) of the same compilation whose every return is itself one of the above, or <c>false</c>
/// (one level of summary);</item>
/// <item>an OS permission for the right data, compared with granted: MAUI and Xamarin.Essentials
/// <c>Permissions.CheckStatusAsync&lt;T&gt;</c>/<c>RequestAsync&lt;T&gt;</c> with <c>LocationWhenInUse</c>/<c>LocationAlways</c>
/// (location) or <c>Microphone</c> (voice) against <c>PermissionStatus.Granted</c>, and WinRT
/// <c>Geolocator.RequestAccessAsync()</c> against <c>GeolocationAccessStatus.Allowed</c>, unless
/// <c>accept_os_permission</c> is false.</item>
/// </list>
/// <see cref="Evaluate"/> tells, for a condition, which of its outcomes means "consent given": that is the
/// outcome a <see cref="ConsentGuard"/> must see on every path to a source.
/// <see cref="IsAssertion"/> recognizes the other shape of a check: a call that returns only when consent was
/// given and throws otherwise (<c>consents.EnsureParentalConsent(child)</c>, <c>await RequireConsentAsync()</c>).
/// </summary>
internal sealed class ConsentModel
{
    /// <summary>Enum members that mean consent was given.</summary>
    private static readonly string[] GrantedNames =
    {
        "Granted", "Given", "Allowed", "Accepted", "Approved", "Authorized", "Authorised", "Consented", "OptedIn", "Agreed", "Yes",
    };

    /// <summary>Name fragments that mean the opposite of consent given (<c>IsConsentRevoked</c>, <c>ConsentRequired</c>).</summary>
    private static readonly string[] RefusalWords =
    {
        "revok", "withdr", "deny", "deni", "declin", "reject", "refus", "missing", "requir", "need", "pending", "expir", "without", "lack", "invalid",
    };

    /// <summary>How a method that throws unless consent was given starts its name (it also contains "Consent").</summary>
    private static readonly string[] AssertionPrefixes =
    {
        "Ensure", "Require", "Demand", "Assert", "Verify", "Check", "ThrowIf", "Guard",
    };

    private const int MaxDepth = 12;

    private readonly Compilation compilation;
    private readonly ImmutableArray<PermissionPlatform> platforms;
    private readonly INamedTypeSymbol? geolocator;
    private readonly IFieldSymbol? geolocationAllowed;
    private readonly ImmutableArray<INamedTypeSymbol> awaitables;
    private readonly ImmutableArray<INamedTypeSymbol> voidTasks;
    private readonly ConcurrentDictionary<SummaryKey, bool> summaries = new();

    private ConsentModel(
        Compilation compilation,
        ImmutableArray<PermissionPlatform> platforms,
        INamedTypeSymbol? geolocator,
        IFieldSymbol? geolocationAllowed,
        ImmutableArray<INamedTypeSymbol> awaitables,
        ImmutableArray<INamedTypeSymbol> voidTasks)
    {
        this.voidTasks = voidTasks;
        this.compilation = compilation;
        this.platforms = platforms;
        this.geolocator = geolocator;
        this.geolocationAllowed = geolocationAllowed;
        this.awaitables = awaitables;
    }

    public static ConsentModel For(Compilation compilation, CollectedData data)
    {
        var types = WellKnownTypes.For(compilation);
        var platforms = ImmutableArray.CreateBuilder<PermissionPlatform>();
        AddPlatform(
            platforms,
            types,
            WellKnownTypeNames.MauiPermissions,
            WellKnownTypeNames.MauiBasePermission,
            WellKnownTypeNames.MauiPermissionStatus,
            data == CollectedData.Location
                ? new[] { WellKnownTypeNames.MauiLocationWhenInUsePermission, WellKnownTypeNames.MauiLocationAlwaysPermission }
                : new[] { WellKnownTypeNames.MauiMicrophonePermission });
        AddPlatform(
            platforms,
            types,
            WellKnownTypeNames.XamarinPermissions,
            WellKnownTypeNames.XamarinBasePermission,
            WellKnownTypeNames.XamarinPermissionStatus,
            data == CollectedData.Location
                ? new[] { WellKnownTypeNames.XamarinLocationWhenInUsePermission, WellKnownTypeNames.XamarinLocationAlwaysPermission }
                : new[] { WellKnownTypeNames.XamarinMicrophonePermission });

        var geolocator = data == CollectedData.Location ? types.Get(WellKnownTypeNames.WindowsGeolocator) : null;
        var allowed = geolocator is null ? null : GetField(types.Get(WellKnownTypeNames.WindowsGeolocationAccessStatus), "Allowed");

        return new ConsentModel(
            compilation,
            platforms.ToImmutable(),
            geolocator,
            allowed,
            Resolve(types, WellKnownTypeNames.SystemTask1, WellKnownTypeNames.SystemValueTask1, WellKnownTypeNames.WindowsAsyncOperation1),
            Resolve(types, WellKnownTypeNames.SystemTask, WellKnownTypeNames.SystemValueTask));
    }

    /// <summary>
    /// True for a statement that calls a consent assertion: a method returning <c>void</c>, <c>Task</c> or
    /// <c>ValueTask</c> that is configured in <c>consent_checks</c>, or whose name contains <c>Consent</c> and
    /// starts with <c>Ensure</c>, <c>Require</c>, <c>Demand</c>, <c>Assert</c>, <c>Verify</c>, <c>Check</c>,
    /// <c>ThrowIf</c> or <c>Guard</c>. Code after it runs only when it did not throw.
    /// </summary>
    public bool IsAssertion(IOperation statement, ConsentEvaluation context)
    {
        var operation = statement is IExpressionStatementOperation expression ? expression.Operation : statement;
        if (operation is IAwaitOperation awaited)
        {
            operation = awaited.Operation;
        }

        if (operation.WalkDownConversions() is not IInvocationOperation { TargetMethod: var method })
        {
            return false;
        }

        if (!method.ReturnsVoid && !this.IsVoidTask(method.ReturnType))
        {
            return false;
        }

        if (context.Settings.Checks.Contains(method))
        {
            return true;
        }

        if (method.Name.IndexOf("Consent", StringComparison.OrdinalIgnoreCase) < 0 ||
            method.Name.IndexOf("Revok", StringComparison.OrdinalIgnoreCase) >= 0 ||
            method.Name.IndexOf("Withdr", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }

        foreach (var prefix in AssertionPrefixes)
        {
            if (method.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsVoidTask(ITypeSymbol type)
    {
        foreach (var task in this.voidTasks)
        {
            if (SymbolEqualityComparer.Default.Equals(type, task))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<INamedTypeSymbol> Resolve(WellKnownTypes types, params string[] names)
    {
        var resolved = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in names)
        {
            if (types.Get(name) is { } type)
            {
                resolved.Add(type);
            }
        }

        return resolved.ToImmutable();
    }

    /// <summary>Which outcome of <paramref name="condition"/> means that consent was given, if any.</summary>
    public ConsentPolarity Evaluate(IOperation condition, ConsentEvaluation context) =>
        this.Polarity(condition, context, MaxDepth);

    private ConsentPolarity Polarity(IOperation operation, ConsentEvaluation context, int depth)
    {
        if (depth == 0)
        {
            return ConsentPolarity.None;
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        depth--;
        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Flip(this.Polarity(not.Operand, context, depth));

            case IBinaryOperation binary:
                return this.BinaryPolarity(binary, context, depth);

            case IIsPatternOperation isPattern:
                return this.PatternPolarity(isPattern.Value, isPattern.Pattern, context, depth);

            case ILocalReferenceOperation or IFlowCaptureReferenceOperation:
                var values = context.ResolveValues(operation);
                return values.IsDefault ? ConsentPolarity.None : this.CombinedPolarity(values, context, depth);

            default:
                return this.Classify(operation, context, depth).Kind == ConsentValueKind.Boolean ? ConsentPolarity.WhenTrue : ConsentPolarity.None;
        }
    }

    /// <summary>
    /// The polarity of a value that is one of <paramref name="values"/> (a local's assignments, a method's returns).
    /// A constant that can never give the outcome meaning consent (<c>false</c> for "true means given") does not
    /// weaken it: <c>var ok = false; if (...) ok = HasConsent();</c> is true only after a consent check said so.
    /// </summary>
    private ConsentPolarity CombinedPolarity(ImmutableArray<IOperation> values, ConsentEvaluation context, int depth)
    {
        var combined = ConsentPolarity.None;
        var constants = new List<bool?>();
        foreach (var value in values)
        {
            var unwrapped = value.WalkDownConversions();
            if (unwrapped.ConstantValue.HasValue)
            {
                constants.Add(unwrapped.ConstantValue.Value is bool b ? b : null);
                continue;
            }

            var polarity = this.Polarity(value, context, depth);
            if (polarity == ConsentPolarity.None || (combined != ConsentPolarity.None && combined != polarity))
            {
                return ConsentPolarity.None;
            }

            combined = polarity;
        }

        // A constant false (or null) never makes "true means given" true; a constant true never makes "false means given" false.
        foreach (var constant in constants)
        {
            if ((combined == ConsentPolarity.WhenTrue && constant == true) || (combined == ConsentPolarity.WhenFalse && constant != true))
            {
                return ConsentPolarity.None;
            }
        }

        return combined;
    }

    private ConsentPolarity BinaryPolarity(IBinaryOperation binary, ConsentEvaluation context, int depth)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And when IsBoolean(binary.Type):
            {
                var left = this.Polarity(binary.LeftOperand, context, depth);
                var right = this.Polarity(binary.RightOperand, context, depth);
                return left == ConsentPolarity.WhenTrue || right == ConsentPolarity.WhenTrue ? ConsentPolarity.WhenTrue
                    : left == ConsentPolarity.WhenFalse && right == ConsentPolarity.WhenFalse ? ConsentPolarity.WhenFalse
                    : ConsentPolarity.None;
            }

            case BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or when IsBoolean(binary.Type):
            {
                var left = this.Polarity(binary.LeftOperand, context, depth);
                var right = this.Polarity(binary.RightOperand, context, depth);
                return left == ConsentPolarity.WhenFalse || right == ConsentPolarity.WhenFalse ? ConsentPolarity.WhenFalse
                    : left == ConsentPolarity.WhenTrue && right == ConsentPolarity.WhenTrue ? ConsentPolarity.WhenTrue
                    : ConsentPolarity.None;
            }

            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
            {
                var negated = binary.OperatorKind == BinaryOperatorKind.NotEquals;
                var polarity = this.ComparisonPolarity(binary.LeftOperand, binary.RightOperand, context, depth);
                if (polarity == ConsentPolarity.None)
                {
                    polarity = this.ComparisonPolarity(binary.RightOperand, binary.LeftOperand, context, depth);
                }

                return negated ? Flip(polarity) : polarity;
            }

            default:
                return ConsentPolarity.None;
        }
    }

    /// <summary><paramref name="value"/> == <paramref name="constant"/>: a consent bool against true/false, or a consent status against its granted value.</summary>
    private ConsentPolarity ComparisonPolarity(IOperation value, IOperation constant, ConsentEvaluation context, int depth)
    {
        if (ConstantValues.TryGetBoolean(constant, out var expected))
        {
            var polarity = this.Polarity(value, context, depth);
            if (expected)
            {
                return polarity;
            }

            // x == false means "not given" only when x cannot be null.
            return IsNullable(value.WalkDownConversions().Type) ? ConsentPolarity.None : Flip(polarity);
        }

        return IsGrantedValue(constant, this.Classify(value, context, depth)) ? ConsentPolarity.WhenTrue : ConsentPolarity.None;
    }

    private ConsentPolarity PatternPolarity(IOperation value, IPatternOperation pattern, ConsentEvaluation context, int depth)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constantPattern:
                if (ConstantValues.TryGetBoolean(constantPattern.Value, out var expected))
                {
                    var polarity = this.Polarity(value, context, depth);
                    return expected ? polarity : IsNullable(value.WalkDownConversions().Type) ? ConsentPolarity.None : Flip(polarity);
                }

                return IsGrantedValue(constantPattern.Value, this.Classify(value, context, depth)) ? ConsentPolarity.WhenTrue : ConsentPolarity.None;

            case INegatedPatternOperation negated:
                return Flip(this.PatternPolarity(value, negated.Pattern, context, depth));

            case IBinaryPatternOperation binary:
                var left = this.PatternPolarity(value, binary.LeftPattern, context, depth);
                var right = this.PatternPolarity(value, binary.RightPattern, context, depth);
                return binary.OperatorKind == BinaryOperatorKind.Or
                    ? (left == ConsentPolarity.WhenFalse || right == ConsentPolarity.WhenFalse ? ConsentPolarity.WhenFalse
                        : left == ConsentPolarity.WhenTrue && right == ConsentPolarity.WhenTrue ? ConsentPolarity.WhenTrue
                        : ConsentPolarity.None)
                    : (left == ConsentPolarity.WhenTrue || right == ConsentPolarity.WhenTrue ? ConsentPolarity.WhenTrue
                        : left == ConsentPolarity.WhenFalse && right == ConsentPolarity.WhenFalse ? ConsentPolarity.WhenFalse
                        : ConsentPolarity.None);

            default:
                return ConsentPolarity.None;
        }
    }

    /// <summary>Whether <paramref name="operation"/> is the result of a consent check, and of which kind.</summary>
    private ConsentValue Classify(IOperation operation, ConsentEvaluation context, int depth)
    {
        if (depth == 0)
        {
            return ConsentValue.None;
        }

        depth--;
        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case IAwaitOperation awaited:
                return this.Classify(awaited.Operation, context, depth);

            case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } result when this.IsAwaitable(result.Property.ContainingType):
                return this.Classify(task, context, depth);

            case ILocalReferenceOperation or IFlowCaptureReferenceOperation:
                var values = context.ResolveValues(operation);
                return values.IsDefault ? ConsentValue.None : this.CombinedValue(values, context, depth);

            case IInvocationOperation invocation:
                return this.ClassifyMember(invocation.TargetMethod, invocation.TargetMethod.ReturnType, invocation, context);

            case IPropertyReferenceOperation property:
                return this.ClassifyMember(property.Property, property.Property.Type, null, context);

            case IFieldReferenceOperation { Field.IsConst: false } field:
                return this.ClassifyMember(field.Field, field.Field.Type, null, context);

            default:
                return ConsentValue.None;
        }
    }

    /// <summary>A value that is one of <paramref name="values"/>: each non-constant must be the same kind of consent result; constants must not be the granted value.</summary>
    private ConsentValue CombinedValue(ImmutableArray<IOperation> values, ConsentEvaluation context, int depth)
    {
        var combined = ConsentValue.None;
        foreach (var value in values)
        {
            var unwrapped = value.WalkDownConversions();
            if (unwrapped.ConstantValue.HasValue || unwrapped is IFieldReferenceOperation { Field.IsConst: true })
            {
                continue;
            }

            var kind = this.Classify(value, context, depth);
            if (kind.Kind == ConsentValueKind.None || (combined.Kind != ConsentValueKind.None && !combined.Equals(kind)))
            {
                return ConsentValue.None;
            }

            combined = kind;
        }

        if (combined.Kind == ConsentValueKind.Status)
        {
            foreach (var value in values)
            {
                if (IsGrantedValue(value, combined))
                {
                    return ConsentValue.None;
                }
            }
        }

        return combined;
    }

    private ConsentValue ClassifyMember(ISymbol member, ITypeSymbol type, IInvocationOperation? invocation, ConsentEvaluation context)
    {
        if (context.Settings.AcceptOsPermission && invocation is not null && this.GetPermissionGrantedValue(invocation) is { } granted)
        {
            return ConsentValue.Status(granted.ContainingType, granted);
        }

        var result = this.UnwrapAwaitable(type);
        if (context.Settings.Checks.Contains(member) ||
            (member is IMethodSymbol { AssociatedSymbol: { } associated } && context.Settings.Checks.Contains(associated)))
        {
            return FromResultType(result);
        }

        if (NameMeansConsent(member.Name))
        {
            return FromResultType(result);
        }

        if (result.TypeKind == TypeKind.Enum && NameMeansConsent(result.Name))
        {
            return ConsentValue.Status(result, null);
        }

        if (context.AllowSummaries && IsBoolean(result) &&
            (member as IMethodSymbol ?? (member as IPropertySymbol)?.GetMethod) is { } method &&
            this.Summarize(method, context))
        {
            return ConsentValue.Boolean;
        }

        return ConsentValue.None;
    }

    private static ConsentValue FromResultType(ITypeSymbol result) =>
        IsBoolean(result) ? ConsentValue.Boolean
        : result.TypeKind == TypeKind.Enum ? ConsentValue.Status(result, null)
        : ConsentValue.None;

    /// <summary>For an OS permission check of the right kind (by the permission type argument or receiver): the granted value to compare with.</summary>
    private IFieldSymbol? GetPermissionGrantedValue(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is "CheckStatusAsync" or "RequestAsync")
        {
            foreach (var platform in this.platforms)
            {
                if (method.IsStatic && method.Arity == 1 &&
                    SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, platform.Permissions) &&
                    platform.IsRequested(method.TypeArguments[0]))
                {
                    return platform.Granted;
                }

                if (!method.IsStatic && platform.BasePermission is not null && method.FindDeclarationOn(platform.BasePermission) is not null &&
                    platform.IsRequested(invocation.Instance?.Type))
                {
                    return platform.Granted;
                }
            }
        }

        if (this.geolocator is not null && method.Name == "RequestAccessAsync" && method.IsStatic &&
            SymbolEqualityComparer.Default.Equals(method.ContainingType, this.geolocator))
        {
            return this.geolocationAllowed;
        }

        return null;
    }

    private static bool IsGrantedValue(IOperation constant, ConsentValue value)
    {
        if (value.Kind != ConsentValueKind.Status)
        {
            return false;
        }

        constant = constant.WalkDownConversions();
        if (constant is IFieldReferenceOperation { Field: { } field })
        {
            return value.GrantedField is { } granted
                ? SymbolEqualityComparer.Default.Equals(field.OriginalDefinition, granted.OriginalDefinition)
                : field.HasConstantValue && SymbolEqualityComparer.Default.Equals(field.ContainingType, value.StatusType) && Array.IndexOf(GrantedNames, field.Name) >= 0;
        }

        // (PermissionStatus)3
        return value.GrantedField is { HasConstantValue: true } grantedField &&
               constant.ConstantValue.HasValue &&
               SymbolEqualityComparer.Default.Equals(constant.Type, grantedField.ContainingType) &&
               Equals(constant.ConstantValue.Value, grantedField.ConstantValue);
    }

    private bool Summarize(IMethodSymbol method, ConsentEvaluation context)
    {
        var key = new SummaryKey(method.OriginalDefinition, context.Settings);
        if (!this.summaries.TryGetValue(key, out var summary))
        {
            summary = this.ComputeSummary(method.OriginalDefinition, context);
            this.summaries.TryAdd(key, summary);
        }

        return summary;
    }

    /// <summary>
    /// A method of this compilation whose every return is a consent check (or <c>false</c>). It must not be
    /// replaceable (virtual, abstract, an interface member): an override could answer differently.
    /// In the file being analyzed its operations are evaluated; in another file (whose semantic model an
    /// analyzer should not create), its return expressions are read by name.
    /// </summary>
    private bool ComputeSummary(IMethodSymbol method, ConsentEvaluation context)
    {
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.compilation.Assembly) ||
            method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.LocalFunction) ||
            method.IsAbstract || method.IsVirtual || method.IsExtern ||
            (method.IsOverride && !method.IsSealed && !method.ContainingType.IsSealed) ||
            method.ContainingType.TypeKind == TypeKind.Interface)
        {
            return false;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = GetBody(reference.GetSyntax(context.CancellationToken));
            if (body is null)
            {
                continue;
            }

            var model = context.SemanticModel;
            if (model is not null && model.SyntaxTree == body.SyntaxTree)
            {
                return model.GetOperation(body, context.CancellationToken) is { } operation &&
                       this.EveryReturnIsConsent(operation, context.ForSummary(operation));
            }

            return EveryReturnReadsAsConsent(body);
        }

        return false;
    }

    private bool EveryReturnIsConsent(IOperation body, ConsentEvaluation context)
    {
        var returned = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var operation in OwnOperations(body))
        {
            if (operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value })
            {
                returned.Add(value);
            }
        }

        return returned.Count > 0 && this.CombinedPolarity(returned.ToImmutable(), context, MaxDepth) == ConsentPolarity.WhenTrue;
    }

    /// <summary>The operations of a body, not those of the lambdas and local functions inside it.</summary>
    private static IEnumerable<IOperation> OwnOperations(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }
    }

    private static SyntaxNode? GetBody(SyntaxNode declaration) => declaration switch
    {
        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
        LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
        AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
        PropertyDeclarationSyntax property => property.ExpressionBody,
        ArrowExpressionClauseSyntax arrow => arrow,
        _ => null,
    };

    /// <summary>The fallback for another file: every returned expression names a consent check (or is <c>false</c>).</summary>
    private static bool EveryReturnReadsAsConsent(SyntaxNode body)
    {
        var any = false;
        foreach (var expression in ReturnedExpressions(body))
        {
            if (expression.IsKind(SyntaxKind.FalseLiteralExpression))
            {
                continue;
            }

            if (!ReadsAsConsent(expression))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static IEnumerable<ExpressionSyntax> ReturnedExpressions(SyntaxNode body)
    {
        if (body is ArrowExpressionClauseSyntax arrow)
        {
            yield return arrow.Expression;
            yield break;
        }

        foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax { Expression: { } expression })
            {
                yield return expression;
            }
        }
    }

    private static bool ReadsAsConsent(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return ReadsAsConsent(parenthesized.Expression);
            case AwaitExpressionSyntax awaited:
                return ReadsAsConsent(awaited.Expression);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                return ReadsAsConsent(binary.Left) || ReadsAsConsent(binary.Right);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression):
                return (ReadsAsConsent(binary.Left) && NamesGrantedValue(binary.Right)) || (ReadsAsConsent(binary.Right) && NamesGrantedValue(binary.Left));
            case InvocationExpressionSyntax invocation:
                return ReadsAsConsent(invocation.Expression);
            case ConditionalAccessExpressionSyntax conditional:
                return ReadsAsConsent(conditional.WhenNotNull);
            case MemberAccessExpressionSyntax access:
                return NameMeansConsent(access.Name.Identifier.ValueText);
            case MemberBindingExpressionSyntax binding:
                return NameMeansConsent(binding.Name.Identifier.ValueText);
            case SimpleNameSyntax name:
                return NameMeansConsent(name.Identifier.ValueText);
            default:
                return false;
        }
    }

    private static bool NamesGrantedValue(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax access && Array.IndexOf(GrantedNames, access.Name.Identifier.ValueText) >= 0;

    /// <summary>The name heuristic: contains "Consent" and no word of refusal.</summary>
    public static bool NameMeansConsent(string name)
    {
        if (name.IndexOf("Consent", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        foreach (var word in RefusalWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private ITypeSymbol UnwrapAwaitable(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { Arity: 1 } named && this.IsAwaitable(named))
        {
            return named.TypeArguments[0];
        }

        return type;
    }

    private bool IsAwaitable(INamedTypeSymbol type)
    {
        foreach (var awaitable in this.awaitables)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, awaitable))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBoolean(ITypeSymbol? type) =>
        type is not null &&
        (type.SpecialType == SpecialType.System_Boolean ||
         (IsNullable(type) && ((INamedTypeSymbol)type).TypeArguments[0].SpecialType == SpecialType.System_Boolean));

    private static bool IsNullable(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    private static ConsentPolarity Flip(ConsentPolarity polarity) => polarity switch
    {
        ConsentPolarity.WhenTrue => ConsentPolarity.WhenFalse,
        ConsentPolarity.WhenFalse => ConsentPolarity.WhenTrue,
        _ => ConsentPolarity.None,
    };

    private static IFieldSymbol? GetField(INamedTypeSymbol? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IFieldSymbol field)
            {
                return field;
            }
        }

        return null;
    }

    private static void AddPlatform(
        ImmutableArray<PermissionPlatform>.Builder platforms,
        WellKnownTypes types,
        string permissionsName,
        string basePermissionName,
        string statusName,
        string[] permissionNames)
    {
        var permissions = types.Get(permissionsName);
        var granted = GetField(types.Get(statusName), "Granted");
        if (permissions is null || granted is null)
        {
            return;
        }

        var requested = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in permissionNames)
        {
            if (types.Get(name) is { } permission)
            {
                requested.Add(permission);
            }
        }

        platforms.Add(new PermissionPlatform(permissions, types.Get(basePermissionName), requested.ToImmutable(), granted));
    }

    /// <summary>One OS permission API (MAUI or Xamarin.Essentials) and the permission types that stand for the data.</summary>
    private sealed class PermissionPlatform
    {
        public PermissionPlatform(INamedTypeSymbol permissions, INamedTypeSymbol? basePermission, ImmutableArray<INamedTypeSymbol> requested, IFieldSymbol granted)
        {
            this.Permissions = permissions;
            this.BasePermission = basePermission;
            this.Requested = requested;
            this.Granted = granted;
        }

        public INamedTypeSymbol Permissions { get; }

        public INamedTypeSymbol? BasePermission { get; }

        public ImmutableArray<INamedTypeSymbol> Requested { get; }

        public IFieldSymbol Granted { get; }

        public bool IsRequested(ITypeSymbol? permission)
        {
            foreach (var requested in this.Requested)
            {
                if (permission.IsOrDerivesFrom(requested))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private readonly struct SummaryKey : IEquatable<SummaryKey>
    {
        private readonly IMethodSymbol method;
        private readonly ConsentSettings settings;

        public SummaryKey(IMethodSymbol method, ConsentSettings settings)
        {
            this.method = method;
            this.settings = settings;
        }

        public bool Equals(SummaryKey other) =>
            SymbolEqualityComparer.Default.Equals(this.method, other.method) && this.settings.Equals(other.settings);

        public override bool Equals(object? obj) => obj is SummaryKey other && this.Equals(other);

        public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(this.method) * 31) + this.settings.GetHashCode();
    }
}

/// <summary>Which outcome of a condition means that consent was given.</summary>
internal enum ConsentPolarity
{
    /// <summary>Neither: the condition is not a consent check.</summary>
    None,

    /// <summary>True means consent was given (<c>HasConsent()</c>, <c>status == Granted</c>).</summary>
    WhenTrue,

    /// <summary>False means consent was given (<c>!HasConsent()</c>, <c>status != Granted</c>).</summary>
    WhenFalse,
}

internal enum ConsentValueKind
{
    None,

    /// <summary>A bool (possibly awaited) that is true when consent was given.</summary>
    Boolean,

    /// <summary>A status (an enum) that means consent when it equals a granted value.</summary>
    Status,
}

/// <summary>The result of a consent check, before it is compared.</summary>
internal readonly struct ConsentValue : IEquatable<ConsentValue>
{
    public static readonly ConsentValue None;

    public static readonly ConsentValue Boolean = new(ConsentValueKind.Boolean, null, null);

    private ConsentValue(ConsentValueKind kind, ITypeSymbol? statusType, IFieldSymbol? grantedField)
    {
        this.Kind = kind;
        this.StatusType = statusType;
        this.GrantedField = grantedField;
    }

    public ConsentValueKind Kind { get; }

    public ITypeSymbol? StatusType { get; }

    /// <summary>The one granted value (an OS permission's); null when any granted-sounding member of <see cref="StatusType"/> counts.</summary>
    public IFieldSymbol? GrantedField { get; }

    public static ConsentValue Status(ITypeSymbol type, IFieldSymbol? granted) => new(ConsentValueKind.Status, type, granted);

    public bool Equals(ConsentValue other) =>
        this.Kind == other.Kind &&
        SymbolEqualityComparer.Default.Equals(this.StatusType, other.StatusType) &&
        SymbolEqualityComparer.Default.Equals(this.GrantedField, other.GrantedField);

    public override bool Equals(object? obj) => obj is ConsentValue other && this.Equals(other);

    public override int GetHashCode() => ((int)this.Kind * 31) + SymbolEqualityComparer.Default.GetHashCode(this.StatusType);
}
