using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// Values the compiler can fold, plus the few framework values it cannot fold but that are just as fixed
/// (<c>TimeSpan.FromMinutes(1)</c>). Anything else is unknown: rules never flag values they cannot know, and a value
/// behind a user-defined conversion is one of them.
/// </summary>
internal static class ConstantValues
{
    public static bool TryGetBoolean(IOperation value, out bool result)
    {
        if (value.WalkDownBuiltInConversions().ConstantValue is { HasValue: true, Value: bool b })
        {
            result = b;
            return true;
        }

        result = default;
        return false;
    }

    public static bool TryGetInt64(IOperation value, out long result)
    {
        var constant = value.WalkDownBuiltInConversions().ConstantValue;
        if (constant.HasValue && constant.Value is not null and not bool and not string and not char)
        {
            try
            {
                result = Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
                return true;
            }
            catch (Exception e) when (e is OverflowException or InvalidCastException or FormatException)
            {
                // A constant out of range (e.g. a huge double) is not a value a rule can reason about.
            }
        }

        result = default;
        return false;
    }

    /// <summary>
    /// A <see cref="TimeSpan"/> written as <c>TimeSpan.Zero</c>, <c>TimeSpan.FromX(constant)</c> or
    /// <c>new TimeSpan(constants...)</c>.
    /// </summary>
    public static bool TryGetTimeSpan(IOperation value, INamedTypeSymbol timeSpanType, out TimeSpan result)
    {
        result = default;
        value = value.WalkDownBuiltInConversions();
        switch (value)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when IsTimeSpan(field.ContainingType, timeSpanType):
                switch (field.Name)
                {
                    case nameof(TimeSpan.Zero):
                        result = TimeSpan.Zero;
                        return true;
                    case nameof(TimeSpan.MaxValue):
                        result = TimeSpan.MaxValue;
                        return true;
                    case nameof(TimeSpan.MinValue):
                        result = TimeSpan.MinValue;
                        return true;
                    default:
                        return false;
                }

            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
                when IsTimeSpan(method.ContainingType, timeSpanType) && invocation.Arguments.Length == 1:
                return TryGetDouble(invocation.Arguments[0].Value, out var amount) && TryFromUnit(method.Name, amount, out result);

            case IObjectCreationOperation creation when IsTimeSpan(creation.Type, timeSpanType):
                return TryCreate(creation, out result);

            default:
                return false;
        }
    }

    private static bool IsTimeSpan(ITypeSymbol? type, INamedTypeSymbol timeSpanType) =>
        SymbolEqualityComparer.Default.Equals(type, timeSpanType);

    private static bool TryGetDouble(IOperation value, out double result)
    {
        var constant = value.WalkDownBuiltInConversions().ConstantValue;
        if (constant.HasValue && constant.Value is not null and not bool and not string and not char)
        {
            result = Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        result = default;
        return false;
    }

    private static bool TryFromUnit(string factoryName, double amount, out TimeSpan result)
    {
        double? ticksPerUnit = factoryName switch
        {
            "FromTicks" => 1,
            "FromMilliseconds" => TimeSpan.TicksPerMillisecond,
            "FromSeconds" => TimeSpan.TicksPerSecond,
            "FromMinutes" => TimeSpan.TicksPerMinute,
            "FromHours" => TimeSpan.TicksPerHour,
            "FromDays" => TimeSpan.TicksPerDay,
            _ => null,
        };

        return TryFromTicks(ticksPerUnit * amount, out result);
    }

    private static bool TryCreate(IObjectCreationOperation creation, out TimeSpan result)
    {
        var values = new double[creation.Arguments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryGetDouble(creation.Arguments[i].Value, out values[i]))
            {
                result = default;
                return false;
            }
        }

        // The constructors: (ticks), (hours, minutes, seconds), (days, hours, minutes, seconds[, milliseconds[, microseconds]]).
        double? ticks = values.Length switch
        {
            1 => values[0],
            3 => (values[0] * TimeSpan.TicksPerHour) + (values[1] * TimeSpan.TicksPerMinute) + (values[2] * TimeSpan.TicksPerSecond),
            >= 4 and <= 6 => (values[0] * TimeSpan.TicksPerDay) + (values[1] * TimeSpan.TicksPerHour) + (values[2] * TimeSpan.TicksPerMinute)
                + (values[3] * TimeSpan.TicksPerSecond) + (values.Length > 4 ? values[4] * TimeSpan.TicksPerMillisecond : 0)
                + (values.Length > 5 ? values[5] * (TimeSpan.TicksPerMillisecond / 1000) : 0),
            _ => null,
        };

        return TryFromTicks(ticks, out result);
    }

    private static bool TryFromTicks(double? ticks, out TimeSpan result)
    {
        if (ticks is { } t && !double.IsNaN(t) && t >= long.MinValue && t <= long.MaxValue)
        {
            result = TimeSpan.FromTicks((long)t);
            return true;
        }

        result = default;
        return false;
    }
}
