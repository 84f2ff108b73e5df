using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// Authorization that a compilation sets up once for many endpoints, found by symbol wherever it is written:
/// <list type="bullet">
/// <item><c>AuthorizationOptions.FallbackPolicy = policy</c> (in <c>AddAuthorization(o => ...)</c> or anywhere) and
/// <c>AuthorizationBuilder.SetFallbackPolicy(policy)</c> with a policy that is not <c>null</c>: every endpoint;</item>
/// <item>an <c>AuthorizeFilter</c> added to MVC's global filters (<c>Filters.Add(new AuthorizeFilter(...))</c>,
/// <c>Add&lt;AuthorizeFilter&gt;()</c>, <c>Add(typeof(AuthorizeFilter))</c>): controllers and Razor Pages;</item>
/// <item><c>RequireAuthorization(...)</c> on <c>MapControllers</c>, <c>MapDefaultControllerRoute</c>,
/// <c>MapControllerRoute</c>... (controllers) or <c>MapRazorPages</c> (pages), chained or through a local;</item>
/// <item>the Razor Pages conventions <c>AuthorizeFolder</c>, <c>AuthorizePage</c>, <c>AuthorizeAreaFolder</c>,
/// <c>AuthorizeAreaPage</c>: the pages under that path.</item>
/// </list>
/// <c>AuthorizationOptions.DefaultPolicy</c> is not global protection: it is the policy of <c>[Authorize]</c>
/// endpoints and protects nothing else. Filled concurrently by operation block actions (<see cref="Scan"/>); read at compilation end.
/// </summary>
internal sealed class GlobalAuthorization
{
    private readonly ConcurrentQueue<string?> pageConventions = new();
    private int fallbackPolicy;
    private int mvcFilter;
    private int controllerRoutes;
    private int pageRoutes;

    /// <summary>A non-null fallback policy protects every endpoint without authorization metadata.</summary>
    public bool HasFallbackPolicy => Volatile.Read(ref this.fallbackPolicy) != 0;

    /// <summary>A global <c>AuthorizeFilter</c> protects every controller action and Razor page.</summary>
    public bool HasMvcAuthorizeFilter => Volatile.Read(ref this.mvcFilter) != 0;

    public bool ControllerRoutesRequireAuthorization => Volatile.Read(ref this.controllerRoutes) != 0;

    public bool PageRoutesRequireAuthorization => Volatile.Read(ref this.pageRoutes) != 0;

    /// <summary>
    /// True when an <c>AuthorizeFolder</c>/<c>AuthorizePage</c> convention covers the page at <paramref name="pagePath"/>
    /// (<c>/Recordings/Download</c>). An unknown path on either side counts as covered: never report what may be protected.
    /// </summary>
    public bool PageConventionCovers(string? pagePath)
    {
        foreach (var convention in this.pageConventions)
        {
            if (convention is null || pagePath is null)
            {
                return true;
            }

            var folder = convention.TrimEnd('/');
            if (folder.Length == 0 ||
                string.Equals(pagePath, folder, StringComparison.OrdinalIgnoreCase) ||
                pagePath.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Records the global protection written in one operation block. The rules that need it call this from their
    /// operation block action for every block of the compilation (whatever its owning symbol): the analyzer driver gives
    /// block actions the same operation blocks it runs operation actions on, and one walk of a block the rule already
    /// visits costs far less than an invocation callback per call of the compilation. A rule that walks the block's
    /// flattened tree itself calls <see cref="OnInvocation"/> and <see cref="OnAssignment"/> from its own pass instead.
    /// </summary>
    public void Scan(IOperation block, EndpointAuthorization authorization, CancellationToken cancellationToken)
    {
        if (!block.HoldsCode())
        {
            return;
        }

        // Only invocations and assignments can set up protection: the flattened tree has them picked out and its
        // operations' kinds beside them, so the rest of the block is never touched.
        var tree = OperationWalk.Flat(block);
        for (var i = 0; i < tree.Invocations.Length; i++)
        {
            this.OnInvocation(tree, i, authorization, cancellationToken);
        }

        this.ScanAssignments(tree, authorization);
    }

    /// <summary>The assignments part of <see cref="Scan"/>, for a rule that calls <see cref="OnInvocation"/> from its own pass over the calls.</summary>
    public void ScanAssignments(FlatTree tree, EndpointAuthorization authorization)
    {
        if (authorization.AuthorizationOptions is null)
        {
            return;
        }

        for (var i = 0; i < tree.Operations.Length; i++)
        {
            if (tree.KindAt(i) == OperationKind.SimpleAssignment)
            {
                this.OnAssignment((ISimpleAssignmentOperation)tree.Operations[i], authorization);
            }
        }
    }

    /// <summary>Records <paramref name="assignment"/> when it sets a fallback policy (part of <see cref="Scan"/>).</summary>
    public void OnAssignment(ISimpleAssignmentOperation assignment, EndpointAuthorization authorization)
    {
        if (authorization.AuthorizationOptions is not null &&
            assignment.Target is IPropertyReferenceOperation { Property: { Name: "FallbackPolicy" } property } &&
            property.ContainingType.IsOrDerivesFrom(authorization.AuthorizationOptions) &&
            !IsNull(assignment.Value))
        {
            Volatile.Write(ref this.fallbackPolicy, 1);
        }
    }

    /// <summary>
    /// Records the invocation at <paramref name="index"/> of <paramref name="tree"/>'s invocations when it sets up global
    /// protection (part of <see cref="Scan"/>).
    /// </summary>
    public void OnInvocation(FlatTree tree, int index, EndpointAuthorization authorization, CancellationToken cancellationToken)
    {
        // Asked of every call of the compilation, by two rules: the name of the method called (kept by the flattened
        // tree) picks the one check that can apply, before the call itself or any symbol is looked at (the names below
        // are disjoint).
        var method = tree.TargetMethods[index];
        var name = method.Name;
        var invocation = tree.Invocations[index];
        if (name == "SetFallbackPolicy")
        {
            if (method.ContainingType.IsOrDerivesFrom(authorization.AuthorizationBuilder) &&
                invocation.Arguments.Length > 0 && !IsNull(invocation.Arguments[invocation.Arguments.Length - 1].Value))
            {
                Volatile.Write(ref this.fallbackPolicy, 1);
            }
        }
        else if (name == "RequireAuthorization")
        {
            if (authorization.IsRequireAuthorization(method))
            {
                this.OnRequireAuthorization(invocation, authorization, cancellationToken);
            }
        }
        else if (name is "AuthorizeFolder" or "AuthorizePage" or "AuthorizeAreaFolder" or "AuthorizeAreaPage")
        {
            if (SymbolEqualityComparer.Default.Equals(method.ContainingType, authorization.PageConventionCollectionExtensions))
            {
                this.pageConventions.Enqueue(name is "AuthorizeFolder" or "AuthorizePage" ? PagePath(invocation) : null);
            }
        }
        else if (AddsToCollection(name) && authorization.AuthorizeFilter is { } authorizeFilter &&
                 invocation.Instance?.Type is { } receiverType && receiverType.IsOrDerivesFrom(authorization.FilterCollection))
        {
            // The only check that walks base types (the branches above are static extension methods).
            if (AddsAuthorizeFilter(invocation, authorizeFilter))
            {
                Volatile.Write(ref this.mvcFilter, 1);
            }
        }
    }

    /// <summary>Records which routes a <c>RequireAuthorization(...)</c> call protects: those of the Map* calls it is chained to.</summary>
    private void OnRequireAuthorization(IInvocationOperation invocation, EndpointAuthorization authorization, CancellationToken cancellationToken)
    {
        foreach (var origin in authorization.RouteOrigins(invocation.GetReceiver(), invocation.GetRoot(), cancellationToken))
        {
            var originType = origin.TargetMethod.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(originType, authorization.ControllerEndpointRouteBuilderExtensions))
            {
                Volatile.Write(ref this.controllerRoutes, 1);
            }
            else if (SymbolEqualityComparer.Default.Equals(originType, authorization.RazorPagesEndpointRouteBuilderExtensions))
            {
                Volatile.Write(ref this.pageRoutes, 1);
            }
        }
    }

    /// <summary>The folder or page an <c>AuthorizeFolder</c>/<c>AuthorizePage</c> call names, or null when it is not a constant.</summary>
    private static string? PagePath(IInvocationOperation invocation)
    {
        string? path = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is "folderPath" or "pageName")
            {
                path = argument.Value.GetConstantString();
            }
        }

        return path;
    }

    /// <summary>True for the names of the methods of <c>FilterCollection</c> (and its base <c>Collection&lt;T&gt;</c>) that add a filter.</summary>
    private static bool AddsToCollection(string name) =>
        name.StartsWith("Add", StringComparison.Ordinal) || name == "Insert";

    private static bool AddsAuthorizeFilter(IInvocationOperation invocation, INamedTypeSymbol authorizeFilter)
    {
        if (invocation.TargetMethod.IsGenericMethod)
        {
            foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
            {
                if (typeArgument.IsOrDerivesFrom(authorizeFilter))
                {
                    return true;
                }
            }
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value.WalkDownConversions();
            if (value.Type.IsOrDerivesFrom(authorizeFilter) ||
                (value is ITypeOfOperation typeOf && typeOf.TypeOperand.IsOrDerivesFrom(authorizeFilter)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNull(IOperation value) =>
        value.WalkDownConversions().ConstantValue is { HasValue: true, Value: null };
}
