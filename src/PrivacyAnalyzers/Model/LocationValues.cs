using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// Values that are a precise location (PRIV021): a value of a location type (MAUI and Xamarin <c>Location</c>,
/// WinRT <c>Geoposition</c>/<c>Geocoordinate</c>/<c>Geopoint</c>/<c>BasicGeoposition</c>, <c>GeoCoordinate</c>, Android
/// <c>Location</c>, iOS <c>CLLocation</c>/<c>CLLocationCoordinate2D</c>, MaxMind <c>Location</c>), their <c>Latitude</c> and
/// <c>Longitude</c>, the latitude or longitude member of an app type the personal-data model classifies as
/// personal data (a <c>GeofenceEvent</c> with a person's id; not a store's <c>LocationSettings</c>), or a member
/// configured in <c>location_members</c>; and what is built from one without
/// coarsening it (its <c>ToString()</c>, string concatenation, interpolation and formatting, a local holding it,
/// an anonymous object or tuple carrying it). City and country names are not precise location.
/// </summary>
internal sealed class LocationValues
{
    private static readonly string[] LocationTypeNames =
    {
        WellKnownTypeNames.MauiLocation,
        WellKnownTypeNames.XamarinLocation,
        WellKnownTypeNames.WindowsGeoposition,
        WellKnownTypeNames.WindowsGeocoordinate,
        WellKnownTypeNames.WindowsGeopoint,
        WellKnownTypeNames.WindowsBasicGeoposition,
        WellKnownTypeNames.DeviceGeoCoordinate,
        WellKnownTypeNames.AndroidLocation,
        WellKnownTypeNames.AppleLocation,
        WellKnownTypeNames.AppleLocationCoordinate2D,
        WellKnownTypeNames.MaxMindLocation,
    };

    private const int MaxDepth = 8;

    private readonly ImmutableArray<INamedTypeSymbol> types;
    private readonly PersonalDataModel personalData;

    private LocationValues(ImmutableArray<INamedTypeSymbol> types, PersonalDataModel personalData)
    {
        this.types = types;
        this.personalData = personalData;
    }

    /// <summary>
    /// The location values of <paramref name="compilation"/>; the personal-data model reads its options
    /// (<c>personal_data_types</c>, <c>excluded_types</c>, <c>personal_data_vocabulary</c>) under <paramref name="ruleId"/>
    /// and classifies each type once.
    /// </summary>
    public static LocationValues For(Compilation compilation, AnalyzerOptions options, string ruleId)
    {
        var known = WellKnownTypes.For(compilation);
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in LocationTypeNames)
        {
            if (known.Get(name) is { } type)
            {
                types.Add(type);
            }
        }

        return new LocationValues(types.ToImmutable(), PersonalDataModel.Create(compilation, options, ruleId));
    }

    /// <summary>What precise location <paramref name="value"/> carries, as a message names it (<c>Location.Latitude</c>), or null.</summary>
    public string? Describe(IOperation value, SymbolSet configured, CancellationToken cancellationToken) =>
        this.Describe(value, configured, MaxDepth, cancellationToken);

    private string? Describe(IOperation value, SymbolSet configured, int depth, CancellationToken cancellationToken)
    {
        if (depth == 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        depth--;
        value = value.WalkDownConversions();
        if (this.IsLocationType(value.Type))
        {
            return value.Type!.Name;
        }

        switch (value)
        {
            case IPropertyReferenceOperation { Property: var property } propertyReference:
                return this.DescribeMember(property, propertyReference.Instance?.Type, configured);

            case IFieldReferenceOperation { Field: var field } fieldReference:
                return this.DescribeMember(field, fieldReference.Instance?.Type, configured);

            case IInvocationOperation invocation:
                return this.DescribeInvocation(invocation, configured, depth, cancellationToken);

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation &&
                        this.Describe(interpolation.Expression, configured, depth, cancellationToken) is { } found)
                    {
                        return found;
                    }
                }

                return null;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                return this.Describe(concatenation.LeftOperand, configured, depth, cancellationToken) ??
                       this.Describe(concatenation.RightOperand, configured, depth, cancellationToken);

            case IConditionalAccessOperation conditionalAccess:
                return this.Describe(conditionalAccess.WhenNotNull, configured, depth, cancellationToken);

            case IConditionalOperation conditional:
                return (conditional.WhenTrue is { } whenTrue ? this.Describe(whenTrue, configured, depth, cancellationToken) : null) ??
                       (conditional.WhenFalse is { } whenFalse ? this.Describe(whenFalse, configured, depth, cancellationToken) : null);

            case ICoalesceOperation coalesce:
                return this.Describe(coalesce.Value, configured, depth, cancellationToken) ??
                       this.Describe(coalesce.WhenNull, configured, depth, cancellationToken);

            case IArrayCreationOperation { Initializer: { } initializer }:
                return this.DescribeAny(initializer.ElementValues, configured, depth, cancellationToken);

            case ITupleOperation tuple:
                return this.DescribeAny(tuple.Elements, configured, depth, cancellationToken);

            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation assignment &&
                        this.Describe(assignment.Value, configured, depth, cancellationToken) is { } found)
                    {
                        return found;
                    }
                }

                return null;

            case ILocalReferenceOperation local:
                var values = AssignedValues.GetAssignedValues(local.Local, local.GetRoot(), cancellationToken);
                return values.IsDefault ? null : this.DescribeAny(values, configured, depth, cancellationToken);

            default:
                return null;
        }
    }

    private string? DescribeAny(ImmutableArray<IOperation> values, SymbolSet configured, int depth, CancellationToken cancellationToken)
    {
        foreach (var value in values)
        {
            if (this.Describe(value, configured, depth, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// A configured member; the latitude or longitude of a location type; or a coordinate member (by the
    /// personal-data model's names) of a type that holds personal data, read through <paramref name="instanceType"/>
    /// (an entity inheriting its coordinates from a base class is still that entity) or the declaring type.
    /// </summary>
    private string? DescribeMember(ISymbol member, ITypeSymbol? instanceType, SymbolSet configured)
    {
        if (configured.Contains(member))
        {
            return CollectionSource.DisplayName(member);
        }

        var containingType = member.ContainingType;
        if (member.Name is "Latitude" or "Longitude" && this.IsLocationType(containingType))
        {
            return CollectionSource.DisplayName(member);
        }

        return !member.IsStatic && PersonalDataModel.IsCoordinateName(member.Name) &&
               (this.personalData.IsPersonalData(containingType) ||
                (instanceType is not null && !SymbolEqualityComparer.Default.Equals(instanceType, containingType) && this.personalData.IsPersonalData(instanceType)))
            ? CollectionSource.DisplayName(member)
            : null;
    }

    /// <summary><c>location.ToString()</c>, <c>string.Format</c>, <c>string.Concat</c>, <c>string.Join</c>, <c>FormattableString</c> keep the value.</summary>
    private string? DescribeInvocation(IInvocationOperation invocation, SymbolSet configured, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "ToString" && invocation.Instance is { } instance)
        {
            return this.Describe(instance, configured, depth, cancellationToken);
        }

        if (method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Format" or "Concat" or "Join")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (this.Describe(argument.Value, configured, depth, cancellationToken) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private bool IsLocationType(ITypeSymbol? type)
    {
        type = type?.UnwrapNullable();

        if (type is null)
        {
            return false;
        }

        foreach (var locationType in this.types)
        {
            if (type.IsOrDerivesFrom(locationType))
            {
                return true;
            }
        }

        return false;
    }
}
