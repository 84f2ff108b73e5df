using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyAnalyzers.Internals;

/// <summary>Small operation-tree helpers shared by the rules.</summary>
internal static class OperationExtensions
{
    /// <summary>The operation under any implicit or explicit conversions (a bool passed as object, an int widened to long...).</summary>
    public static IOperation WalkDownConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// The operation under the conversions the language defines (boxing, unboxing, numeric, nullable, reference), but
    /// not under a user-defined one: its operator may return anything, so what lies below it says nothing of the value.
    /// For reading a value; <see cref="WalkDownConversions"/> for finding where a value comes from.
    /// </summary>
    public static IOperation WalkDownBuiltInConversions(this IOperation operation)
    {
        while (operation is IConversionOperation { Conversion.IsUserDefined: false } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// False for an operation block that holds no code: an attribute (the host hands rules every attribute of a
    /// declaration, of its parameters and of its return value as a block of its own) or a parameter's default value.
    /// Their arguments are constants, <c>typeof</c> and <c>nameof</c>: no call, return, query or local flow lives there,
    /// so the rules skip them rather than walk them (and push the declaration's body out of the per-thread caches).
    /// </summary>
    public static bool HoldsCode(this IOperation block) =>
        block.Kind is not (OperationKind.Attribute or OperationKind.ParameterInitializer);

    /// <summary>The root of the operation tree that contains <paramref name="operation"/> (the method body, field initializer...).</summary>
    public static IOperation GetRoot(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>The argument bound to the parameter named <paramref name="parameterName"/>, whatever the argument order.</summary>
    public static IArgumentOperation? GetArgument(this IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The outermost conversion that wraps <paramref name="operation"/> (itself when none does).</summary>
    public static IOperation WalkUpConversions(this IOperation operation)
    {
        while (operation.Parent is IConversionOperation conversion)
        {
            operation = conversion;
        }

        return operation;
    }

    /// <summary>The value under conversions, <c>await</c>, <c>!</c> (null-forgiving is not an operation) and parentheses.</summary>
    public static IOperation WalkDownConversionsAndAwaits(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The argument bound to <paramref name="parameter"/> (by ordinal, so it works for reduced extension methods too).</summary>
    public static IArgumentOperation? GetArgument(this IInvocationOperation invocation, IParameterSymbol parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } bound && bound.Ordinal == parameter.Ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>
    /// The receiver of a call: the instance, or the <c>this</c> argument of an extension method called as one.
    /// </summary>
    public static IOperation? GetReceiver(this IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    /// <summary>The string value of a constant (a literal, a <c>const</c>), or null.</summary>
    public static string? GetConstantString(this IOperation operation) =>
        operation.WalkDownConversions().ConstantValue is { HasValue: true, Value: string text } ? text : null;

    /// <summary>
    /// True when <paramref name="operation"/> runs as part of <paramref name="body"/> itself, not inside a lambda or
    /// local function declared in it (whose returns are not the body's).
    /// </summary>
    public static bool BelongsTo(this IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current == body)
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }
}

