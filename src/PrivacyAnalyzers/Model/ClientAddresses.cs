using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// Where a web app gets a client's IP address: <c>HttpContext.Connection.RemoteIpAddress</c>, a forwarded-for
/// header read from the request, or a parameter of an endpoint (a controller action or a minimal-API handler).
/// A value counts when any of these flows into it (through conversions, parsing, string handling, locals).
/// </summary>
internal sealed class ClientAddresses
{
    /// <summary>Request headers that carry the client's address behind a proxy.</summary>
    private static readonly string[] ClientAddressHeaders =
    {
        "X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Client-IP", "X-Original-For", "CF-Connecting-IP", "True-Client-IP",
    };

    private const int MaxDepth = 8;

    private readonly INamedTypeSymbol? connectionInfo;
    private readonly INamedTypeSymbol? connectionFeature;
    private readonly INamedTypeSymbol? headerDictionary;
    private readonly INamedTypeSymbol? controllerBase;
    private readonly INamedTypeSymbol? nonActionAttribute;
    private readonly INamedTypeSymbol? endpointRouteBuilderExtensions;
    private readonly INamedTypeSymbol? ipAddress;

    private ClientAddresses(WellKnownTypes types)
    {
        this.ipAddress = types.Get(WellKnownTypeNames.SystemNetIPAddress);
        this.connectionInfo = types.Get(WellKnownTypeNames.AspNetCoreConnectionInfo);
        this.connectionFeature = types.Get(WellKnownTypeNames.AspNetCoreHttpConnectionFeature);
        this.headerDictionary = types.Get(WellKnownTypeNames.AspNetCoreHeaderDictionary);
        this.controllerBase = types.Get(WellKnownTypeNames.AspNetCoreControllerBase);
        this.nonActionAttribute = types.Get(WellKnownTypeNames.AspNetCoreNonActionAttribute);
        this.endpointRouteBuilderExtensions = types.Get(WellKnownTypeNames.EndpointRouteBuilderExtensions);
    }

    public static ClientAddresses For(Compilation compilation) => new(WellKnownTypes.For(compilation));

    /// <summary>True when a client's address flows into <paramref name="value"/>.</summary>
    public bool IsClientAddress(IOperation? value, CancellationToken cancellationToken) =>
        value is not null && this.Flows(value, MaxDepth, cancellationToken);

    private bool Flows(IOperation value, int depth, CancellationToken cancellationToken)
    {
        if (depth == 0)
        {
            return false;
        }

        cancellationToken.ThrowIfCancellationRequested();
        depth--;
        switch (value.WalkDownConversions())
        {
            case IPropertyReferenceOperation property:
                return this.IsClientAddressProperty(property) || (property.Instance is { } instance && this.Flows(instance, depth, cancellationToken));

            case IInvocationOperation invocation:
                // IPAddress.Parse(x), x.ToString(), x.Split(',')[0], x.FirstOrDefault(), x.MapToIPv4()...
                if (invocation.Instance is { } receiver && this.Flows(receiver, depth, cancellationToken))
                {
                    return true;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.RefKind is not (RefKind.Out or RefKind.Ref) && this.Flows(argument.Value, depth, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;

            case IArrayElementReferenceOperation element:
                return this.Flows(element.ArrayReference, depth, cancellationToken);

            case IConditionalAccessOperation conditionalAccess:
                return this.Flows(conditionalAccess.Operation, depth, cancellationToken);

            case ICoalesceOperation coalesce:
                return this.Flows(coalesce.Value, depth, cancellationToken) || this.Flows(coalesce.WhenNull, depth, cancellationToken);

            case IConditionalOperation conditional:
                return (conditional.WhenTrue is { } whenTrue && this.Flows(whenTrue, depth, cancellationToken)) ||
                       (conditional.WhenFalse is { } whenFalse && this.Flows(whenFalse, depth, cancellationToken));

            case IBinaryOperation binary:
                return this.Flows(binary.LeftOperand, depth, cancellationToken) || this.Flows(binary.RightOperand, depth, cancellationToken);

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && this.Flows(interpolation.Expression, depth, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;

            case ILocalReferenceOperation local:
                var values = AssignedValues.GetAssignedValues(local.Local, local.GetRoot(), cancellationToken);
                if (!values.IsDefault)
                {
                    foreach (var assigned in values)
                    {
                        if (this.Flows(assigned, depth, cancellationToken))
                        {
                            return true;
                        }
                    }
                }

                return false;

            case IParameterReferenceOperation parameter:
                return this.IsEndpointParameter(parameter);

            default:
                return false;
        }
    }

    private bool IsClientAddressProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.Name == "RemoteIpAddress")
        {
            return (this.connectionInfo is not null && property.ContainingType.IsOrDerivesFrom(this.connectionInfo)) ||
                   (this.connectionFeature is not null && SymbolEqualityComparer.Default.Equals(property.ContainingType.OriginalDefinition, this.connectionFeature));
        }

        // Request.Headers["X-Forwarded-For"]
        if (property.IsIndexer && this.headerDictionary is not null &&
            property.ContainingType.IsOrInheritsFrom(this.headerDictionary) &&
            reference.Arguments.Length == 1 &&
            reference.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string header })
        {
            foreach (var known in ClientAddressHeaders)
            {
                if (string.Equals(known, header, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A parameter whose value the caller of an endpoint chooses: of a public action of a controller, or of a
    /// lambda passed to <c>MapGet</c>/<c>MapPost</c>/...; only strings and <see cref="System.Net.IPAddress"/> can be addresses.
    /// </summary>
    private bool IsEndpointParameter(IParameterReferenceOperation reference)
    {
        var parameter = reference.Parameter;
        if (parameter.Type.SpecialType != SpecialType.System_String && !SymbolEqualityComparer.Default.Equals(parameter.Type, this.ipAddress))
        {
            return false;
        }

        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        if (method.MethodKind == MethodKind.Ordinary)
        {
            return this.controllerBase is not null &&
                   method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic &&
                   method.ContainingType.IsOrDerivesFrom(this.controllerBase) &&
                   !method.HasAttribute(this.nonActionAttribute);
        }

        if (method.MethodKind != MethodKind.AnonymousFunction || this.endpointRouteBuilderExtensions is null)
        {
            return false;
        }

        // The lambda is an argument of app.MapGet(pattern, handler) and friends.
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, method))
            {
                var argument = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
                while (argument is IConversionOperation)
                {
                    argument = argument.Parent;
                }

                return argument is IArgumentOperation { Parent: IInvocationOperation map } &&
                       SymbolEqualityComparer.Default.Equals(map.TargetMethod.ContainingType, this.endpointRouteBuilderExtensions);
            }
        }

        return false;
    }
}
