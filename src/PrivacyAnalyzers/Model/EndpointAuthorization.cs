using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>Who may call an endpoint, as far as the compilation shows.</summary>
internal enum AccessLevel
{
    /// <summary>Anyone: nothing requires authorization, or <c>[AllowAnonymous]</c>/<c>AllowAnonymous()</c> wins.</summary>
    Anonymous,

    /// <summary>Only callers that authorization admits (an authenticated user, a role, a policy, a custom filter).</summary>
    Authorized,

    /// <summary>Cannot be told: the route group comes from elsewhere (a parameter) and may require authorization.</summary>
    Unknown,
}

/// <summary>Where an <c>[AllowAnonymous]</c> that makes an endpoint anonymous sits (the code fix acts on it).</summary>
internal enum AllowAnonymousSite
{
    None,

    /// <summary>On the action, the minimal-API lambda or method.</summary>
    Handler,

    /// <summary>On the controller or page class, or a base class.</summary>
    Type,

    /// <summary><c>AllowAnonymous()</c> on the endpoint or its route group.</summary>
    Route,
}

/// <summary>The effective authorization of one endpoint.</summary>
internal sealed class EffectiveAuthorization
{
    public EffectiveAuthorization(AccessLevel level, AllowAnonymousSite allowAnonymous, bool protectedWithoutAllowAnonymous, bool mayCheckResource, bool roleOrPolicy, string description)
    {
        this.Level = level;
        this.AllowAnonymous = allowAnonymous;
        this.ProtectedWithoutAllowAnonymous = protectedWithoutAllowAnonymous;
        this.MayCheckResource = mayCheckResource;
        this.IsRoleOrPolicy = roleOrPolicy;
        this.Description = description;
    }

    public AccessLevel Level { get; }

    public AllowAnonymousSite AllowAnonymous { get; }

    /// <summary>True when removing the granting <c>[AllowAnonymous]</c> leaves the endpoint protected.</summary>
    public bool ProtectedWithoutAllowAnonymous { get; }

    /// <summary>
    /// A custom <c>IAuthorizationFilter</c>/<c>IAsyncAuthorizationFilter</c> attribute applies: it sees the route values
    /// and may check the resource, so "no per-resource check" is not claimed.
    /// </summary>
    public bool MayCheckResource { get; }

    /// <summary>Roles or named policies restrict the endpoint: whoever they admit gets every resource.</summary>
    public bool IsRoleOrPolicy { get; }

    /// <summary>Why, in words for a message.</summary>
    public string Description { get; }
}

/// <summary>
/// The effective authorization of an endpoint, computed from what the compilation shows:
/// <list type="bullet">
/// <item>attributes implementing <c>IAuthorizeData</c> (<c>[Authorize]</c>, subclasses such as a
/// <c>RequirePermissionAttribute</c>) on the action, its class or any base class; for Razor Pages on the page model
/// class only (ASP.NET Core ignores them on handlers); on a minimal-API lambda or method;</item>
/// <item>custom <c>IAuthorizationFilter</c>/<c>IAsyncAuthorizationFilter</c> attributes;</item>
/// <item><c>RequireAuthorization()</c> on the endpoint or on any enclosing <c>MapGroup</c> (chained, or on a local);</item>
/// <item>global protection (<see cref="GlobalAuthorization"/>);</item>
/// <item><c>[AllowAnonymous]</c>/<c>IAllowAnonymous</c>/<c>AllowAnonymous()</c> anywhere on the endpoint wins over all of
/// them, as in ASP.NET Core.</item>
/// </list>
/// Global protection can be written in any file, so the rules that depend on it (PRIV001, PRIV002) decide at
/// compilation end; see the analyzers for why.
/// </summary>
internal sealed class EndpointAuthorization
{
    private static readonly ConditionalWeakTable<Compilation, EndpointAuthorization> Cache = new();

    private EndpointAuthorization(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        this.AuthorizeData = types.Get(WellKnownTypeNames.AuthorizationIAuthorizeData);
        this.AuthorizeAttribute = types.Get(WellKnownTypeNames.AuthorizationAuthorizeAttribute);
        this.AllowAnonymousData = types.Get(WellKnownTypeNames.AuthorizationIAllowAnonymous);
        this.AuthorizationFilter = types.Get(WellKnownTypeNames.MvcIAuthorizationFilter);
        this.AsyncAuthorizationFilter = types.Get(WellKnownTypeNames.MvcIAsyncAuthorizationFilter);
        this.AuthorizationOptions = types.Get(WellKnownTypeNames.AuthorizationAuthorizationOptions);
        this.AuthorizationBuilder = types.Get(WellKnownTypeNames.AuthorizationAuthorizationBuilder);
        this.AuthorizeFilter = types.Get(WellKnownTypeNames.MvcAuthorizeFilter);
        this.FilterCollection = types.Get(WellKnownTypeNames.MvcFilterCollection);
        this.ConventionExtensions = types.Get(WellKnownTypeNames.BuilderAuthorizationEndpointConventionBuilderExtensions);
        this.EndpointRouteBuilderExtensions = types.Get(WellKnownTypeNames.EndpointRouteBuilderExtensions);
        this.ControllerEndpointRouteBuilderExtensions = types.Get(WellKnownTypeNames.BuilderControllerEndpointRouteBuilderExtensions);
        this.RazorPagesEndpointRouteBuilderExtensions = types.Get(WellKnownTypeNames.BuilderRazorPagesEndpointRouteBuilderExtensions);
        this.PageConventionCollectionExtensions = types.Get(WellKnownTypeNames.PageConventionCollectionExtensions);
        this.WebApplication = types.Get(WellKnownTypeNames.BuilderWebApplication);
    }

    public INamedTypeSymbol? AuthorizeData { get; }

    public INamedTypeSymbol? AuthorizeAttribute { get; }

    public INamedTypeSymbol? AllowAnonymousData { get; }

    public INamedTypeSymbol? AuthorizationFilter { get; }

    public INamedTypeSymbol? AsyncAuthorizationFilter { get; }

    public INamedTypeSymbol? AuthorizationOptions { get; }

    public INamedTypeSymbol? AuthorizationBuilder { get; }

    public INamedTypeSymbol? AuthorizeFilter { get; }

    public INamedTypeSymbol? FilterCollection { get; }

    public INamedTypeSymbol? ConventionExtensions { get; }

    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? ControllerEndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? RazorPagesEndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? PageConventionCollectionExtensions { get; }

    public INamedTypeSymbol? WebApplication { get; }

    public static EndpointAuthorization For(Compilation compilation) => Cache.GetValue(compilation, static c => new EndpointAuthorization(c));

    public bool IsRequireAuthorization(IMethodSymbol method) =>
        method.Name == "RequireAuthorization" && SymbolEqualityComparer.Default.Equals(method.ContainingType, this.ConventionExtensions);

    public bool IsAllowAnonymous(IMethodSymbol method) =>
        method.Name == "AllowAnonymous" && SymbolEqualityComparer.Default.Equals(method.ContainingType, this.ConventionExtensions);

    /// <summary>
    /// What the endpoint itself says (attributes, route conventions), before global protection. The local flow of the
    /// block is needed for a minimal API only (its route group may be a local); actions and page handlers are described
    /// by their attributes, and may be described with none.
    /// </summary>
    public LocalAuthorization Describe(Endpoint endpoint, LocalFlow? flow)
    {
        var local = new LocalAuthorization();
        var handler = endpoint.Handler;
        switch (endpoint.Kind)
        {
            case EndpointKind.ControllerAction:
                this.AddAttributes(local, handler, AllowAnonymousSite.Handler, "the action");
                this.AddTypeAttributes(local, handler.ContainingType);
                break;

            case EndpointKind.PageHandler:
                // Razor Pages apply authorization attributes of the page model class only.
                this.AddTypeAttributes(local, handler.ContainingType);
                local.PagePath = PagePath(handler.ContainingType);
                break;

            case EndpointKind.MinimalApi:
                this.AddAttributes(local, handler, AllowAnonymousSite.Handler, "the handler");
                if (endpoint.MapInvocation is { } map && flow is not null)
                {
                    this.AddRouteConventions(local, map, flow);
                }

                break;
        }

        return local;
    }

    /// <summary>
    /// True when <see cref="Resolve"/> never says <see cref="AccessLevel.Anonymous"/>, whatever the global protection of
    /// the compilation: nothing of the endpoint's own allows anonymous access, and its own attributes or route
    /// conventions require authorization (then it is authorized: global protection only ever adds requirements) or its
    /// route group comes from code the analysis cannot follow (then it is unknown, or authorized). Known as soon as the
    /// endpoint is, so a rule about anonymous endpoints need not analyze its body.
    /// </summary>
    public static bool IsNeverAnonymous(LocalAuthorization local) =>
        local.AllowAnonymous == AllowAnonymousSite.None &&
        (local.Requirement is not null || local.CustomFilter is not null || local.RouteFromElsewhere);

    /// <summary>Combines the endpoint's own authorization with the global protection of the compilation.</summary>
    public static EffectiveAuthorization Resolve(Endpoint endpoint, LocalAuthorization local, GlobalAuthorization global)
    {
        var globalReason = endpoint.Kind switch
        {
            _ when global.HasFallbackPolicy => "the fallback policy",
            EndpointKind.ControllerAction when global.HasMvcAuthorizeFilter => "the global AuthorizeFilter",
            EndpointKind.PageHandler when global.HasMvcAuthorizeFilter => "the global AuthorizeFilter",
            EndpointKind.ControllerAction when global.ControllerRoutesRequireAuthorization => "RequireAuthorization() on the controller routes",
            EndpointKind.PageHandler when global.PageRoutesRequireAuthorization => "RequireAuthorization() on MapRazorPages",
            EndpointKind.PageHandler when global.PageConventionCovers(local.PagePath) => "an AuthorizeFolder/AuthorizePage convention",
            _ => null,
        };

        var protectedReason = local.Requirement ?? local.CustomFilter ?? globalReason;
        var roleOrPolicy = local.RoleOrPolicy;
        if (local.AllowAnonymous != AllowAnonymousSite.None)
        {
            var description = protectedReason is null
                ? local.AllowAnonymousReason + " and nothing else requires authorization"
                : local.AllowAnonymousReason + " overrides " + protectedReason;
            return new EffectiveAuthorization(AccessLevel.Anonymous, local.AllowAnonymous, protectedReason is not null, false, false, description);
        }

        if (protectedReason is not null)
        {
            return new EffectiveAuthorization(AccessLevel.Authorized, AllowAnonymousSite.None, true, local.CustomFilter is not null, roleOrPolicy, protectedReason);
        }

        if (local.RouteFromElsewhere)
        {
            return new EffectiveAuthorization(AccessLevel.Unknown, AllowAnonymousSite.None, false, false, false, "its route group is configured elsewhere");
        }

        return new EffectiveAuthorization(
            AccessLevel.Anonymous,
            AllowAnonymousSite.None,
            false,
            false,
            false,
            "nothing requires authorization (no [Authorize], RequireAuthorization() or fallback policy applies)");
    }

    /// <summary>
    /// The calls a route builder value comes from: for <c>app.MapGroup("/a").RequireAuthorization().MapGroup("/b")</c>
    /// every call of the chain, through locals (<c>var api = app.MapGroup("/api");</c>), and the calls made on those
    /// locals elsewhere (<c>api.RequireAuthorization();</c>). Used for <c>MapControllers().RequireAuthorization()</c> too.
    /// </summary>
    public IEnumerable<IInvocationOperation> RouteOrigins(IOperation? builder, LocalFlow flow) => this.RouteOrigins(builder, new RouteWalk(flow));

    /// <summary>
    /// <see cref="RouteOrigins(IOperation?, LocalFlow)"/> for a caller that has no flow yet: the local flow of
    /// <paramref name="root"/> is built only when the chain goes through a local. Most chains are written in one
    /// expression (<c>app.MapGet(...).RequireAuthorization()</c>) and never need it.
    /// </summary>
    public IEnumerable<IInvocationOperation> RouteOrigins(IOperation? builder, IOperation root, CancellationToken cancellationToken) =>
        this.RouteOrigins(builder, new RouteWalk(root, cancellationToken));

    private IEnumerable<IInvocationOperation> RouteOrigins(IOperation? builder, RouteWalk walk)
    {
        var current = builder?.WalkDownConversions();
        while (current is not null && walk.Steps++ < 64)
        {
            switch (current)
            {
                case IInvocationOperation invocation:
                    yield return invocation;
                    if (this.IsBuilderMethod(invocation.TargetMethod))
                    {
                        current = invocation.GetReceiver()?.WalkDownConversions();
                        break;
                    }

                    // A group made by a helper (Routes.Api(app)) may already require authorization.
                    walk.Unresolved = walk.Unresolved ||
                        (!invocation.Type.IsOrDerivesFrom(this.WebApplication) && !IsMapping(invocation.TargetMethod));
                    current = null;
                    break;

                case ILocalReferenceOperation local when walk.Locals.Add(local.Local):
                    foreach (var call in CallsOn(local.Local, current.GetRoot()))
                    {
                        yield return call;
                    }

                    foreach (var value in walk.Flow.ValuesOf(local.Local))
                    {
                        foreach (var origin in this.RouteOrigins(value, walk))
                        {
                            yield return origin;
                        }
                    }

                    current = null;
                    break;

                default:
                    walk.Unresolved = walk.Unresolved || !current.Type.IsOrDerivesFrom(this.WebApplication);
                    current = null;
                    break;
            }
        }
    }

    private void AddRouteConventions(LocalAuthorization local, IInvocationOperation map, LocalFlow flow)
    {
        // Conventions on the endpoint: app.MapGet(...).RequireAuthorization(), or on a local holding it.
        var walk = new RouteWalk(flow);
        IOperation current = map;
        IInvocationOperation last = map;
        while (true)
        {
            var parent = current.Parent;
            if (parent is IConversionOperation)
            {
                current = parent;
                continue;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation call } &&
                IsBuilderMethod(call.TargetMethod) &&
                call.GetReceiver()?.WalkDownConversions() == last)
            {
                this.AddRouteCall(local, call, "the endpoint");
                current = last = call;
                continue;
            }

            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                foreach (var onLocal in CallsOn(declarator.Symbol, map.GetRoot()))
                {
                    this.AddRouteCall(local, onLocal, "the endpoint");
                }
            }

            break;
        }

        // Conventions on the groups the endpoint is mapped on, however many calls up.
        foreach (var origin in this.RouteOrigins(map.GetReceiver(), walk))
        {
            this.AddRouteCall(local, origin, "its route group");
        }

        local.RouteFromElsewhere = walk.Unresolved;
    }

    private void AddRouteCall(LocalAuthorization local, IInvocationOperation call, string where)
    {
        if (this.IsRequireAuthorization(call.TargetMethod))
        {
            local.Requirement ??= "RequireAuthorization() on " + where;
            local.RoleOrPolicy |= call.Arguments.Length > 1 && !call.Arguments[1].IsImplicit;
        }
        else if (this.IsAllowAnonymous(call.TargetMethod) && local.AllowAnonymous == AllowAnonymousSite.None)
        {
            local.AllowAnonymous = AllowAnonymousSite.Route;
            local.AllowAnonymousReason = "AllowAnonymous() on " + where;
        }
    }

    private void AddTypeAttributes(LocalAuthorization local, INamedTypeSymbol? type)
    {
        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            var where = SymbolEqualityComparer.Default.Equals(current, type) ? current.Name : "the base class " + current.Name;
            this.AddAttributes(local, current, AllowAnonymousSite.Type, where);
        }
    }

    private void AddAttributes(LocalAuthorization local, ISymbol symbol, AllowAnonymousSite site, string where)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null)
            {
                continue;
            }

            if (attributeClass.IsOrInheritsFrom(this.AllowAnonymousData))
            {
                if (local.AllowAnonymous == AllowAnonymousSite.None || (site == AllowAnonymousSite.Handler && local.AllowAnonymous == AllowAnonymousSite.Type))
                {
                    local.AllowAnonymous = site;
                    local.AllowAnonymousAttribute = attribute;
                    local.AllowAnonymousReason = "[" + ShortName(attributeClass) + "] on " + where;
                }
            }
            else if (attributeClass.IsOrInheritsFrom(this.AuthorizeData))
            {
                local.Requirement ??= "[" + ShortName(attributeClass) + "] on " + where;
                // A subclass (RequirePermissionAttribute : AuthorizeAttribute) sets a policy or roles of its own.
                local.RoleOrPolicy |= HasRolesOrPolicy(attribute) || !SymbolEqualityComparer.Default.Equals(attributeClass, this.AuthorizeAttribute);
            }
            else if (attributeClass.IsOrInheritsFrom(this.AuthorizationFilter) || attributeClass.IsOrInheritsFrom(this.AsyncAuthorizationFilter))
            {
                local.CustomFilter ??= "the authorization filter [" + ShortName(attributeClass) + "] on " + where;
            }
        }
    }

    private bool IsBuilderMethod(IMethodSymbol method) =>
        method.IsExtensionMethod &&
        (SymbolEqualityComparer.Default.Equals(method.ContainingType, this.ConventionExtensions) ||
         (method.Name == "MapGroup" && SymbolEqualityComparer.Default.Equals(method.ContainingType, this.EndpointRouteBuilderExtensions)) ||
         (method.ReturnType is ITypeSymbol returned && method.Parameters.Length > 0 && SymbolEqualityComparer.Default.Equals(returned.OriginalDefinition, method.Parameters[0].Type.OriginalDefinition)) ||
         (method.IsGenericMethod && method.ReturnType is ITypeParameterSymbol));

    /// <summary>MapControllers, MapRazorPages...: where a chain of conventions on controllers or pages starts.</summary>
    private bool IsMapping(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, this.ControllerEndpointRouteBuilderExtensions) ||
        SymbolEqualityComparer.Default.Equals(method.ContainingType, this.RazorPagesEndpointRouteBuilderExtensions) ||
        SymbolEqualityComparer.Default.Equals(method.ContainingType, this.EndpointRouteBuilderExtensions);

    /// <summary>The calls made on <paramref name="local"/> in <paramref name="root"/>, in tree order.</summary>
    private static IReadOnlyList<IInvocationOperation> CallsOn(ILocalSymbol local, IOperation root) =>
        CallsByReceiver.Of(root).TryGetValue(local, out var calls) ? calls : (IReadOnlyList<IInvocationOperation>)Array.Empty<IInvocationOperation>();

    /// <summary>
    /// The calls of one tree by the local they are made on, built once per tree: asked for each endpoint mapped on a
    /// route group or kept in a local, a walk of the whole tree per endpoint made a file with thousands of endpoints
    /// quadratic. The index of the last tree is kept per thread (<see cref="RecentTrees{T}"/>).
    /// </summary>
    private static class CallsByReceiver
    {
        [ThreadStatic]
        private static RecentTrees<Dictionary<ILocalSymbol, List<IInvocationOperation>>>? recent;

        public static Dictionary<ILocalSymbol, List<IInvocationOperation>> Of(IOperation root) =>
            (recent ??= new RecentTrees<Dictionary<ILocalSymbol, List<IInvocationOperation>>>(1)).GetOrAdd(root, 0, static (tree, _) => Index(tree));

        private static Dictionary<ILocalSymbol, List<IInvocationOperation>> Index(IOperation root)
        {
            var calls = new Dictionary<ILocalSymbol, List<IInvocationOperation>>(SymbolEqualityComparer.Default);
            foreach (var call in OperationWalk.Flat(root).Invocations)
            {
                if (call != root && call.GetReceiver()?.WalkDownConversions() is ILocalReferenceOperation receiver)
                {
                    if (!calls.TryGetValue(receiver.Local, out var list))
                    {
                        calls[receiver.Local] = list = new List<IInvocationOperation>();
                    }

                    list.Add(call);
                }
            }

            return calls;
        }
    }

    private static bool HasRolesOrPolicy(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Value is string { Length: > 0 })
            {
                return true;
            }
        }

        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key is "Roles" or "Policy" && named.Value.Value is string { Length: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    private static string ShortName(INamedTypeSymbol attributeClass) =>
        attributeClass.Name.EndsWith("Attribute", System.StringComparison.Ordinal)
            ? attributeClass.Name.Substring(0, attributeClass.Name.Length - "Attribute".Length)
            : attributeClass.Name;

    /// <summary><c>/Recordings/Download</c> for <c>App.Pages.Recordings.DownloadModel</c>; null without a <c>Pages</c> namespace.</summary>
    private static string? PagePath(INamedTypeSymbol? pageModel)
    {
        if (pageModel is null)
        {
            return null;
        }

        var segments = new List<string>();
        for (var ns = pageModel.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "Pages")
            {
                segments.Reverse();
                var path = new StringBuilder();
                foreach (var segment in segments)
                {
                    path.Append('/').Append(segment);
                }

                var name = pageModel.Name.EndsWith("Model", System.StringComparison.Ordinal) ? pageModel.Name.Substring(0, pageModel.Name.Length - 5) : pageModel.Name;
                return path.Append('/').Append(name).ToString();
            }

            segments.Add(ns.Name);
        }

        return null;
    }

    private sealed class RouteWalk
    {
        private readonly IOperation? root;
        private readonly CancellationToken cancellationToken;
        private LocalFlow? flow;

        public RouteWalk(LocalFlow flow) => this.flow = flow;

        public RouteWalk(IOperation root, CancellationToken cancellationToken)
        {
            this.root = root;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>The local flow of the block walked, built on first use when the walk was not given one.</summary>
        public LocalFlow Flow => this.flow ??= LocalFlow.For(this.root!, this.cancellationToken);

        public HashSet<ILocalSymbol> Locals { get; } = new(SymbolEqualityComparer.Default);

        public int Steps { get; set; }

        public bool Unresolved { get; set; }
    }
}

/// <summary>What an endpoint's own attributes and route conventions say.</summary>
internal sealed class LocalAuthorization
{
    /// <summary>The first authorization requirement found (an attribute or <c>RequireAuthorization()</c>), in words.</summary>
    public string? Requirement { get; set; }

    public bool RoleOrPolicy { get; set; }

    /// <summary>A custom authorization filter attribute, in words.</summary>
    public string? CustomFilter { get; set; }

    public AllowAnonymousSite AllowAnonymous { get; set; }

    public AttributeData? AllowAnonymousAttribute { get; set; }

    public string? AllowAnonymousReason { get; set; }

    /// <summary>The route group of a minimal API comes from a parameter or call the analysis cannot follow.</summary>
    public bool RouteFromElsewhere { get; set; }

    public string? PagePath { get; set; }
}
