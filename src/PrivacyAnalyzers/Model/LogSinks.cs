using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// Calls that write their arguments to a log: <c>ILogger</c> and its <c>LoggerExtensions</c> (<c>LogInformation</c>,
/// <c>Log</c>, <c>BeginScope</c>...), <c>[LoggerMessage]</c> methods and <c>LoggerMessage.Define</c> delegates,
/// <c>Console.Write*</c>, <c>Debug</c>/<c>Trace</c> writes and <c>TraceSource</c>. An argument bound to a parameter
/// that carries a <c>DataClassificationAttribute</c> is redacted by the logging generator and is not written as is.
/// </summary>
internal sealed class LogSinks
{
    private readonly INamedTypeSymbol? logger;
    private readonly INamedTypeSymbol? loggerExtensions;
    private readonly INamedTypeSymbol? loggerMessageAttribute;
    private readonly INamedTypeSymbol? dataClassificationAttribute;
    private readonly INamedTypeSymbol? console;
    private readonly INamedTypeSymbol? debug;
    private readonly INamedTypeSymbol? trace;
    private readonly INamedTypeSymbol? traceSource;

    // Whether a parameter type is a logger, decided once per type: asked of every parameter of every sink call, and
    // reading a type's AllInterfaces makes a new array on every read.
    private readonly ConcurrentDictionary<ITypeSymbol, bool> loggerTypes = new(SymbolEqualityComparer.Default);

    private LogSinks(WellKnownTypes types)
    {
        this.logger = types.Get(WellKnownTypeNames.LoggingILogger);
        this.loggerExtensions = types.Get(WellKnownTypeNames.LoggingLoggerExtensions);
        this.loggerMessageAttribute = types.Get(WellKnownTypeNames.LoggingLoggerMessageAttribute);
        this.dataClassificationAttribute = types.Get(WellKnownTypeNames.DataClassificationAttribute);
        this.console = types.Get(WellKnownTypeNames.SystemConsole);
        this.debug = types.Get(WellKnownTypeNames.DiagnosticsDebug);
        this.trace = types.Get(WellKnownTypeNames.DiagnosticsTrace);
        this.traceSource = types.Get(WellKnownTypeNames.DiagnosticsTraceSource);
    }

    public static LogSinks For(Compilation compilation) => new(WellKnownTypes.For(compilation));

    /// <summary>False when the compilation references none of the sink types (nothing can be written to a log).</summary>
    public bool Exist =>
        this.logger is not null || this.loggerExtensions is not null || this.loggerMessageAttribute is not null ||
        this.console is not null || this.debug is not null || this.trace is not null || this.traceSource is not null;

    /// <summary>
    /// The arguments <paramref name="invocation"/> writes to a log as they are, or null when it writes nothing to a log.
    /// Asked of every call of the compilation: nothing is allocated for a call that is not a sink.
    /// </summary>
    public List<IOperation>? LoggedArguments(IInvocationOperation invocation) =>
        this.IsSink(invocation, out var redactable) ? this.LoggedArguments(invocation, redactable) : null;

    private bool IsSink(IInvocationOperation invocation, out bool redactable)
    {
        redactable = false;
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        // Asked of every call of the compilation: the name says whether a sink type's writing method can be called at
        // all, before the type comparisons and TraceSource's base-type walk (most calls are LINQ, EF Core, own methods).
        var name = method.Name;
        if (IsWritingName(name))
        {
            var definition = type.OriginalDefinition;
            if (IsDefinition(definition, this.loggerExtensions) ||
                IsDefinition(definition, this.console) || IsDefinition(definition, this.debug) || IsDefinition(definition, this.trace) ||
                (this.traceSource is not null && name.StartsWith("Trace", StringComparison.Ordinal) && type.IsOrDerivesFrom(this.traceSource)) ||
                this.IsLoggerMethod(method))
            {
                return true;
            }
        }

        // The logging generator only accepts methods that return void (SYSLIB1007): the flag spares most calls the
        // attribute list, which this would otherwise read for every method called in the compilation.
        if (this.loggerMessageAttribute is not null && method.ReturnsVoid && method.HasAttribute(this.loggerMessageAttribute))
        {
            redactable = true;
            return true;
        }

        // LoggerMessage.Define<...>(...) gives an Action<ILogger, T1, ...>: invoking it logs T1...
        return method.MethodKind == MethodKind.DelegateInvoke && method.Parameters.Length > 1 && this.IsLogger(method.Parameters[0].Type);
    }

    /// <summary>
    /// The names of the writing methods of the sink types: <c>LoggerExtensions</c> (<c>Log*</c>, <c>BeginScope</c>),
    /// <c>ILogger.Log</c>, <c>Console.Write*</c>, <c>Debug</c> and <c>Trace</c> (<c>Write*</c>, <c>Trace*</c>,
    /// <c>Print</c>, <c>Fail</c>, <c>Assert</c>) and <c>TraceSource</c> (<c>Trace*</c>). Other members of those types
    /// (<c>Console.SetCursorPosition</c>, <c>Debug.Indent</c>) write nothing of their arguments to a log.
    /// </summary>
    private static bool IsWritingName(string name) =>
        name.StartsWith("Log", StringComparison.Ordinal) || name.StartsWith("Write", StringComparison.Ordinal) ||
        name.StartsWith("Trace", StringComparison.Ordinal) || name is "BeginScope" or "Print" or "Fail" or "Assert";

    private List<IOperation> LoggedArguments(IInvocationOperation invocation, bool redactable)
    {
        var logged = new List<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter &&
                (this.IsLogger(parameter.Type) || (redactable && parameter.HasAttribute(this.dataClassificationAttribute))))
            {
                continue;
            }

            logged.Add(argument.Value);
        }

        return logged;
    }

    private bool IsLoggerMethod(IMethodSymbol method)
    {
        if (this.logger is null || method.Name != "Log")
        {
            return false;
        }

        if (IsType(method.ContainingType, this.logger))
        {
            return true;
        }

        foreach (var member in this.logger.GetMembers("Log"))
        {
            if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsLogger(ITypeSymbol type)
    {
        if (this.logger is null)
        {
            return false;
        }

        if (!this.loggerTypes.TryGetValue(type, out var isLogger))
        {
            isLogger = type.IsOrInheritsFrom(this.logger);
            this.loggerTypes.TryAdd(type, isLogger);
        }

        return isLogger;
    }

    private static bool IsType(INamedTypeSymbol type, INamedTypeSymbol? expected) => IsDefinition(type.OriginalDefinition, expected);

    private static bool IsDefinition(INamedTypeSymbol definition, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(definition, expected);
}
