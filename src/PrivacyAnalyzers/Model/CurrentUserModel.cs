using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// Who is calling: the signed-in user of a request. Sources are <c>ControllerBase.User</c>, <c>PageModel.User</c>,
/// <c>HttpContext.User</c>, <c>ClaimsPrincipal</c> parameters, and the members configured in
/// <c>current_user_members</c> (a member, or every member of a type such as <c>ICurrentUser</c>). Anything computed
/// from a source is the current user too: <c>UserManager&lt;T&gt;.GetUserId(User)</c>,
/// <c>User.FindFirstValue(ClaimTypes.NameIdentifier)</c>, <c>User.FindFirst("sub").Value</c>, <c>User.Identity.Name</c>,
/// <c>(await userManager.GetUserAsync(User)).HouseholdId</c>, and locals holding them (see <see cref="LocalFlow"/>).
/// </summary>
internal sealed class CurrentUserModel
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<ImmutableArray<string>, CurrentUserModel>> Cache = new();

    private readonly INamedTypeSymbol? claimsPrincipal;
    private readonly INamedTypeSymbol? controllerBase;
    private readonly INamedTypeSymbol? pageModel;
    private readonly INamedTypeSymbol? httpContext;
    private readonly SymbolSet configured;

    private CurrentUserModel(Compilation compilation, SymbolSet configured)
    {
        var types = WellKnownTypes.For(compilation);
        this.claimsPrincipal = types.Get(WellKnownTypeNames.SystemSecurityClaimsClaimsPrincipal);
        this.controllerBase = types.Get(WellKnownTypeNames.AspNetCoreControllerBase);
        this.pageModel = types.Get(WellKnownTypeNames.MvcRazorPagesPageModel);
        this.httpContext = types.Get(WellKnownTypeNames.HttpHttpContext);
        this.configured = configured;
    }

    /// <summary>The model with the <c>current_user_members</c> in force for <paramref name="tree"/>.</summary>
    public static CurrentUserModel For(Compilation compilation, AnalyzerOptions options, string ruleId, SyntaxTree tree)
    {
        var ids = PrivacyOptions.CurrentUserMembers.Read(options, ruleId, tree);
        var byOptions = Cache.GetValue(compilation, static _ => new ConcurrentDictionary<ImmutableArray<string>, CurrentUserModel>(OptionValuesComparer.Instance));
        if (!byOptions.TryGetValue(ids, out var model))
        {
            model = new CurrentUserModel(compilation, SymbolSet.Resolve(compilation, ids));
            byOptions.TryAdd(ids, model);
        }

        return model;
    }

    /// <summary>True when <paramref name="operation"/> itself reads the current user (not something computed from it).</summary>
    public bool IsCurrentUserSource(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: var property }:
                return this.IsFrameworkUserProperty(property) || this.IsConfigured(property);
            case IParameterReferenceOperation { Parameter.Type: var parameterType }:
                return this.IsClaimsPrincipal(parameterType) || this.configured.ContainsTypeOrBase(parameterType);
            case IInvocationOperation { TargetMethod: var method }:
                return this.IsConfigured(method);
            case IFieldReferenceOperation { Field: var field }:
                return this.IsConfigured(field);
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="operation"/> is, or is computed from, the current user (through locals of <paramref name="flow"/>).</summary>
    public bool MentionsCurrentUser(IOperation? operation, LocalFlow flow) => flow.Mentions(operation, this.IsCurrentUserSource);

    private bool IsFrameworkUserProperty(IPropertySymbol property) =>
        property.Name == "User" &&
        this.IsClaimsPrincipal(property.Type) &&
        (property.ContainingType.IsOrDerivesFrom(this.controllerBase) ||
         property.ContainingType.IsOrDerivesFrom(this.pageModel) ||
         property.ContainingType.IsOrDerivesFrom(this.httpContext));

    private bool IsClaimsPrincipal(ITypeSymbol type) => this.claimsPrincipal is not null && type.IsOrDerivesFrom(this.claimsPrincipal);

    private bool IsConfigured(ISymbol symbol) =>
        !this.configured.IsEmpty &&
        (this.configured.Contains(symbol) || (symbol.ContainingType is { } type && this.configured.ContainsTypeOrBase(type)));
}
