using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>The three ways ASP.NET Core exposes a handler to HTTP callers.</summary>
internal enum EndpointKind
{
    /// <summary>An MVC or Web API controller action.</summary>
    ControllerAction,

    /// <summary>A Razor Pages handler (<c>OnGet</c>, <c>OnPostAsync</c>...) of a <c>PageModel</c>.</summary>
    PageHandler,

    /// <summary>A minimal-API handler passed to <c>MapGet</c>, <c>MapPost</c>, <c>Map</c>, <c>MapMethods</c>...</summary>
    MinimalApi,
}

/// <summary>One endpoint: its handler, where its body is, and where a finding about it is reported.</summary>
internal sealed class Endpoint
{
    private Location? location;
    private string? name;

    /// <param name="location">Null for a minimal API: taken from <paramref name="mapInvocation"/> when first asked for.</param>
    /// <param name="name">Null for a minimal API: taken from <paramref name="mapInvocation"/> when first asked for.</param>
    public Endpoint(EndpointKind kind, IMethodSymbol handler, IOperation? body, IInvocationOperation? mapInvocation, Location? location, string? name)
    {
        this.Kind = kind;
        this.Handler = handler;
        this.Body = body;
        this.MapInvocation = mapInvocation;
        this.location = location;
        this.name = name;
    }

    public EndpointKind Kind { get; }

    /// <summary>The action, page handler, lambda or method-group target that runs for a request.</summary>
    public IMethodSymbol Handler { get; }

    /// <summary>The handler's body in the operation tree being analyzed; null for a method group (analyzed on its own).</summary>
    public IOperation? Body { get; }

    /// <summary>The <c>Map*</c> call of a minimal-API endpoint.</summary>
    public IInvocationOperation? MapInvocation { get; }

    /// <summary>The method name, or for minimal APIs the <c>Map*</c> call from its name on.</summary>
    /// <remarks>Computed when first asked for (only findings need it): every rule sees every <c>Map*</c> call of a block.</remarks>
    public Location Location => this.location ??= EndpointModel.GetMapLocation(this.MapInvocation!);

    /// <summary>The name messages use: the method name, or <c>MapGet("/route")</c>.</summary>
    public string Name => this.name ??= EndpointModel.GetMapName(this.MapInvocation!);
}

/// <summary>
/// What an endpoint is: MVC/Web API controller actions (public methods of a public, non-abstract, non-generic class
/// that derives from <c>ControllerBase</c>, carries <c>[Controller]</c>/<c>[ApiController]</c> (or inherits it), or is
/// named <c>*Controller</c>; not <c>[NonController]</c>/<c>[NonAction]</c>), Razor Pages handlers (public
/// <c>On{Verb}[Handler][Async]</c> methods of a <c>PageModel</c>, not <c>[NonHandler]</c>), and minimal-API handlers
/// (the delegate passed to <c>Map</c>, <c>MapGet</c>, <c>MapPost</c>, <c>MapPut</c>, <c>MapDelete</c>, <c>MapPatch</c>,
/// <c>MapMethods</c> or <c>MapFallback</c> of <c>IEndpointRouteBuilder</c>, on the app or on a <c>MapGroup</c> group).
/// Actions declared in an abstract controller are not endpoints here: their authorization depends on the subclass.
/// </summary>
internal sealed class EndpointModel
{
    private static readonly ConditionalWeakTable<Compilation, EndpointModel> Cache = new();

    private static readonly string[] HttpVerbs = { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" };

    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> controllerCache = new(SymbolEqualityComparer.Default);

    private EndpointModel(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        this.ControllerBase = types.Get(WellKnownTypeNames.AspNetCoreControllerBase);
        this.ControllerAttribute = types.Get(WellKnownTypeNames.MvcControllerAttribute);
        this.NonControllerAttribute = types.Get(WellKnownTypeNames.MvcNonControllerAttribute);
        this.NonActionAttribute = types.Get(WellKnownTypeNames.AspNetCoreNonActionAttribute);
        this.PageModel = types.Get(WellKnownTypeNames.MvcRazorPagesPageModel);
        this.NonHandlerAttribute = types.Get(WellKnownTypeNames.MvcRazorPagesNonHandlerAttribute);
        this.EndpointRouteBuilderExtensions = types.Get(WellKnownTypeNames.EndpointRouteBuilderExtensions);
        this.FromServicesAttribute = types.Get(WellKnownTypeNames.MvcFromServicesAttribute);
        this.FromKeyedServicesAttribute = types.Get(WellKnownTypeNames.FromKeyedServicesAttribute);
        this.FromServiceMetadata = types.Get(WellKnownTypeNames.HttpIFromServiceMetadata);
        this.BindPropertyAttribute = types.Get(WellKnownTypeNames.MvcBindPropertyAttribute);
        this.BindPropertiesAttribute = types.Get(WellKnownTypeNames.MvcBindPropertiesAttribute);
        this.HttpRequest = types.Get(WellKnownTypeNames.HttpHttpRequest);
        this.BindingMetadata = new[]
        {
            types.Get(WellKnownTypeNames.HttpIFromRouteMetadata),
            types.Get(WellKnownTypeNames.HttpIFromQueryMetadata),
            types.Get(WellKnownTypeNames.HttpIFromBodyMetadata),
            types.Get(WellKnownTypeNames.HttpIFromFormMetadata),
            types.Get(WellKnownTypeNames.HttpIFromHeaderMetadata),
        };
    }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? PageModel { get; }

    public INamedTypeSymbol? NonHandlerAttribute { get; }

    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? FromServicesAttribute { get; }

    public INamedTypeSymbol? FromKeyedServicesAttribute { get; }

    public INamedTypeSymbol? FromServiceMetadata { get; }

    public INamedTypeSymbol? BindPropertyAttribute { get; }

    public INamedTypeSymbol? BindPropertiesAttribute { get; }

    public INamedTypeSymbol? HttpRequest { get; }

    private INamedTypeSymbol?[] BindingMetadata { get; }

    /// <summary>False when the compilation references none of MVC, Razor Pages and minimal APIs.</summary>
    public bool IsAvailable => this.ControllerBase is not null || this.PageModel is not null || this.EndpointRouteBuilderExtensions is not null;

    public static EndpointModel For(Compilation compilation) => Cache.GetValue(compilation, static c => new EndpointModel(c));

    /// <summary>The endpoint whose handler is <paramref name="method"/> (an action or a page handler), or null.</summary>
    public Endpoint? ForMethod(IMethodSymbol method, IOperation? body)
    {
        EndpointKind kind;
        if (this.IsControllerAction(method))
        {
            kind = EndpointKind.ControllerAction;
        }
        else if (this.IsPageHandler(method))
        {
            kind = EndpointKind.PageHandler;
        }
        else
        {
            return null;
        }

        return GetIdentifierLocation(method) is { } location ? new Endpoint(kind, method, body, null, location, method.Name) : null;
    }

    /// <summary>
    /// The handlers whose code is in <paramref name="block"/> of <paramref name="method"/>: the method itself when it is
    /// an action or page handler, and every minimal-API handler written inline (a lambda) in the block. Null when there
    /// is none, the common case, so callers pay nothing for ordinary methods. Method-group handlers are not included.
    /// </summary>
    public List<Endpoint>? HandlersIn(IMethodSymbol method, IOperation block)
    {
        List<Endpoint>? handlers = null;
        if (this.ForMethod(method, block) is { } endpoint)
        {
            (handlers ??= new List<Endpoint>()).Add(endpoint);
        }

        foreach (var minimal in this.MinimalApisIn(block))
        {
            if (minimal.Body is not null)
            {
                (handlers ??= new List<Endpoint>()).Add(minimal);
            }
        }

        return handlers;
    }

    /// <summary>
    /// False when <see cref="HandlersIn"/> finds nothing in <paramref name="block"/>: the method is no action or page
    /// handler and no call maps a minimal API. Asked of every block before anything else about it, so it builds no
    /// endpoint and allocates nothing.
    /// </summary>
    public bool MayHoldHandlers(IMethodSymbol method, IOperation block)
    {
        if (this.IsControllerAction(method) || this.IsPageHandler(method))
        {
            return true;
        }

        if (this.EndpointRouteBuilderExtensions is not null)
        {
            foreach (var target in OperationWalk.Flat(block).TargetMethods)
            {
                if (this.IsMapCall(target))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Every minimal-API endpoint mapped in <paramref name="root"/>.</summary>
    public IEnumerable<Endpoint> MinimalApisIn(IOperation root)
    {
        if (this.EndpointRouteBuilderExtensions is null)
        {
            yield break;
        }

        foreach (var invocation in OperationWalk.Flat(root).Invocations)
        {
            if (invocation != root && this.TryGetMinimalApi(invocation) is { } endpoint)
            {
                yield return endpoint;
            }
        }
    }

    /// <summary>The endpoint mapped by <paramref name="invocation"/> when it is a <c>Map*</c> call with a delegate handler.</summary>
    public Endpoint? TryGetMinimalApi(IInvocationOperation invocation)
    {
        if (!this.IsMapCall(invocation.TargetMethod))
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } and not { SpecialType: SpecialType.System_Delegate })
            {
                continue;
            }

            var value = argument.Value.WalkDownConversions();
            if (value is IDelegateCreationOperation creation)
            {
                value = creation.Target.WalkDownConversions();
            }

            return value switch
            {
                IAnonymousFunctionOperation lambda => new Endpoint(EndpointKind.MinimalApi, lambda.Symbol, lambda.Body, invocation, location: null, name: null),
                IMethodReferenceOperation reference => new Endpoint(EndpointKind.MinimalApi, reference.Method, null, invocation, location: null, name: null),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>
    /// True for the <c>Map*</c> methods of <c>EndpointRouteBuilderExtensions</c> that take a handler: only a call of one
    /// can be a minimal API (<see cref="TryGetMinimalApi"/>).
    /// </summary>
    public bool IsMapCall(IMethodSymbol method) =>
        method.Name is ("Map" or "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" or "MapFallback") &&
        SymbolEqualityComparer.Default.Equals(method.ContainingType, this.EndpointRouteBuilderExtensions);

    public bool IsControllerAction(IMethodSymbol method)
    {
        if (this.ControllerBase is null && this.ControllerAttribute is null)
        {
            return false;
        }

        // Cheapest first: flags of the method, then the (cached) answer for its type, then the method's attributes.
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsAbstract || method.IsGenericMethod ||
            method.DeclaredAccessibility != Accessibility.Public || method.Name == "Dispose" ||
            method.ContainingType is not { } type || !this.IsController(type) || method.HasAttribute(this.NonActionAttribute))
        {
            return false;
        }

        return true;
    }

    public bool IsController(INamedTypeSymbol type)
    {
        if (!this.controllerCache.TryGetValue(type, out var result))
        {
            result = this.ComputeIsController(type);
            this.controllerCache.TryAdd(type, result);
        }

        return result;
    }

    private bool ComputeIsController(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public ||
            HasAttributeOnTypeOrBase(type, this.NonControllerAttribute))
        {
            return false;
        }

        return type.IsOrDerivesFrom(this.ControllerBase) ||
               HasAttributeOnTypeOrBase(type, this.ControllerAttribute) ||
               type.Name.EndsWith("Controller", System.StringComparison.Ordinal);
    }

    public bool IsPageHandler(IMethodSymbol method)
    {
        if (this.PageModel is null ||
            method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsGenericMethod ||
            method.DeclaredAccessibility != Accessibility.Public ||
            !method.Name.StartsWith("On", System.StringComparison.Ordinal) || !StartsWithVerb(method.Name) ||
            method.ContainingType is not { TypeKind: TypeKind.Class, IsAbstract: false } type || !type.IsOrDerivesFrom(this.PageModel) ||
            method.HasAttribute(this.NonHandlerAttribute))
        {
            return false;
        }

        return true;
    }

    private static bool StartsWithVerb(string name)
    {
        foreach (var verb in HttpVerbs)
        {
            if (string.CompareOrdinal(name, 2, verb, 0, verb.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a parameter a caller fills from the request (route, query, body, form, header): scalars
    /// (numbers, strings, Guid, enums...), parameters with a binding-source attribute, and for controller actions
    /// complex types (the body). Services (<c>[FromServices]</c>, interfaces and framework types of minimal APIs) are not.
    /// </summary>
    public bool IsCallerSupplied(IParameterSymbol parameter, EndpointKind kind)
    {
        if (parameter.HasAttribute(this.FromServicesAttribute) || parameter.HasAttribute(this.FromKeyedServicesAttribute) ||
            parameter.HasAttribute(this.FromServiceMetadata))
        {
            return false;
        }

        foreach (var metadata in this.BindingMetadata)
        {
            if (parameter.HasAttribute(metadata))
            {
                return true;
            }
        }

        var type = parameter.Type;
        type = type.UnwrapNullable();

        if (IsScalar(type))
        {
            return true;
        }

        return kind == EndpointKind.ControllerAction &&
               type.TypeKind is TypeKind.Class or TypeKind.Struct &&
               !type.IsAbstract &&
               !type.IsFrameworkSymbol();
    }

    /// <summary>
    /// True for a value that comes from the request outside the handler's parameters: a property bound with
    /// <c>[BindProperty]</c>/<c>[BindProperties]</c>, or <c>Request.Query</c>, <c>Request.RouteValues</c>, <c>Request.Form</c>.
    /// </summary>
    public bool IsBoundRequestValue(IOperation operation)
    {
        if (operation is not IPropertyReferenceOperation { Property: var property })
        {
            return false;
        }

        if (property.HasAttribute(this.BindPropertyAttribute) || property.ContainingType.HasAttribute(this.BindPropertiesAttribute))
        {
            return true;
        }

        return property.Name is "Query" or "RouteValues" or "Form" && property.ContainingType.IsOrDerivesFrom(this.HttpRequest);
    }

    /// <summary>The location of a method's name in its (first) declaration.</summary>
    public static Location? GetIdentifierLocation(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is MethodDeclarationSyntax declaration)
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return null;
    }

    /// <summary>From the <c>Map*</c> name to the end of the call, so that the finding starts on the line that maps the endpoint.</summary>
    internal static Location GetMapLocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax)
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End));
        }

        return invocation.Syntax.GetLocation();
    }

    /// <summary>The name messages give a minimal API: <c>MapGet("/route")</c>.</summary>
    internal static string GetMapName(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name + "(" + (RoutePattern(invocation) is { } route ? "\"" + route + "\"" : string.Empty) + ")";

    private static string? RoutePattern(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "pattern" && argument.Value.GetConstantString() is { } pattern)
            {
                return pattern;
            }
        }

        return null;
    }

    private static bool IsScalar(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum ||
        type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_String ||
        (type.TypeKind == TypeKind.Struct && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true });

    private static bool HasAttributeOnTypeOrBase(INamedTypeSymbol type, INamedTypeSymbol? attribute)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.HasAttribute(attribute))
            {
                return true;
            }
        }

        return false;
    }
}
