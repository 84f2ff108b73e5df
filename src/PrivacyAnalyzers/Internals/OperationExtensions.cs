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
}
