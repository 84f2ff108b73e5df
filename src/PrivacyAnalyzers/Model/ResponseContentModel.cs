using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>An operation that sends content, or a link to content, to the caller.</summary>
internal sealed class ContentSink
{
    public ContentSink(IOperation operation, string name, ImmutableArray<IOperation> operands, bool isLink)
    {
        this.Operation = operation;
        this.Name = name;
        this.Operands = operands;
        this.IsLink = isLink;
    }

    public IOperation Operation { get; }

    /// <summary>How messages name it: <c>PhysicalFile</c>, <c>Results.Stream</c>, <c>SendFileAsync</c>, <c>Response.Body</c>, <c>Redirect</c>.</summary>
    public string Name { get; }

    /// <summary>What it sends: the data, path or URL, the content type, the download name.</summary>
    public ImmutableArray<IOperation> Operands { get; }

    /// <summary>A redirect or a returned URL rather than the bytes themselves.</summary>
    public bool IsLink { get; }
}

/// <summary>
/// How a response carries content: <c>File</c>/<c>PhysicalFile</c>/<c>VirtualFile</c> of controllers and page models,
/// <c>FileResult</c> subclasses (<c>FileStreamResult</c>, <c>FileContentResult</c>...), <c>Results</c>/<c>TypedResults</c>
/// <c>File</c>/<c>Bytes</c>/<c>Stream</c>/<c>PhysicalFile</c>/<c>VirtualFile</c>, <c>HttpResponse.SendFileAsync</c>, writes to
/// <c>Response.Body</c>/<c>BodyWriter</c>, and links: <c>Redirect*</c> and a returned <c>string</c>/<c>Uri</c> (a signed URL).
/// Whether a sink serves a recording is decided with the <see cref="RecordingModel"/>: a <c>video/*</c> or <c>audio/*</c>
/// content type, a media file extension, or data that comes from a recording.
/// </summary>
internal sealed class ResponseContentModel
{
    private static readonly ConditionalWeakTable<Compilation, ResponseContentModel> Cache = new();

    private readonly INamedTypeSymbol? controllerBase;
    private readonly INamedTypeSymbol? pageModel;
    private readonly INamedTypeSymbol? fileResult;
    private readonly INamedTypeSymbol? results;
    private readonly INamedTypeSymbol? typedResults;
    private readonly INamedTypeSymbol? sendFile;
    private readonly INamedTypeSymbol? httpResponse;
    private readonly INamedTypeSymbol? uri;

    private ResponseContentModel(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        this.controllerBase = types.Get(WellKnownTypeNames.AspNetCoreControllerBase);
        this.pageModel = types.Get(WellKnownTypeNames.MvcRazorPagesPageModel);
        this.fileResult = types.Get(WellKnownTypeNames.MvcFileResult);
        this.results = types.Get(WellKnownTypeNames.HttpResults);
        this.typedResults = types.Get(WellKnownTypeNames.HttpTypedResults);
        this.sendFile = types.Get(WellKnownTypeNames.HttpSendFileResponseExtensions);
        this.httpResponse = types.Get(WellKnownTypeNames.HttpHttpResponse);
        this.uri = types.Get(WellKnownTypeNames.SystemUri);
    }

    public static ResponseContentModel For(Compilation compilation) => Cache.GetValue(compilation, static c => new ResponseContentModel(c));

    /// <summary>Every sink in <paramref name="root"/> and below.</summary>
    public IEnumerable<ContentSink> FindSinks(IOperation root)
    {
        foreach (var operation in OperationWalk.DescendantsAndSelf(root))
        {
            if (this.AsSink(operation) is { } sink)
            {
                yield return sink;
            }
        }
    }

    /// <summary>The sink <paramref name="operation"/> is, or null.</summary>
    public ContentSink? AsSink(IOperation operation)
    {
        // Asked of every operation of a block: dispatch on the kind before any interface type test.
        switch (operation.Kind)
        {
            case OperationKind.Invocation:
                return this.AsSink((IInvocationOperation)operation);

            case OperationKind.ObjectCreation when operation is IObjectCreationOperation creation && creation.Type.IsOrDerivesFrom(this.fileResult):
                var operands = ImmutableArray.CreateBuilder<IOperation>();
                foreach (var argument in creation.Arguments)
                {
                    operands.Add(argument.Value);
                }

                if (creation.Initializer is { } initializer)
                {
                    operands.Add(initializer);
                }

                return new ContentSink(creation, creation.Type!.Name, operands.ToImmutable(), isLink: false);

            case OperationKind.Return or OperationKind.YieldReturn when operation is IReturnOperation { ReturnedValue: { } returned } && this.IsLinkType(returned.Type):
                return new ContentSink(operation, "a returned URL", ImmutableArray.Create(returned), isLink: true);

            default:
                return null;
        }
    }

    /// <summary>A value returned as is (a control-flow-graph return) that is a link: a <c>string</c> or a <c>Uri</c>.</summary>
    public ContentSink? AsReturnedLink(IOperation returned) =>
        this.IsLinkType(returned.Type) ? new ContentSink(returned, "a returned URL", ImmutableArray.Create(returned), isLink: true) : null;

    /// <summary>True when the sink sends a recording or a link to one.</summary>
    public static bool ServesRecording(ContentSink sink, RecordingModel recordings, LocalFlow flow, bool responseHasMediaType)
    {
        if (responseHasMediaType && sink.Name is "SendFileAsync" or "Response.Body")
        {
            return true;
        }

        foreach (var operand in sink.Operands)
        {
            if (NamesMedia(operand) || MentionsRecording(operand, recordings, flow))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="ServesRecording(ContentSink, RecordingModel, LocalFlow, bool)"/> without data flow: true only when the
    /// response's media type or a media name in an operand already says so.
    /// </summary>
    public static bool ServesMediaByName(ContentSink sink, bool responseHasMediaType)
    {
        if (responseHasMediaType && sink.Name is "SendFileAsync" or "Response.Body")
        {
            return true;
        }

        foreach (var operand in sink.Operands)
        {
            if (NamesMedia(operand))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="operation"/> is, holds or is computed from a recording or its content.</summary>
    public static bool MentionsRecording(IOperation operation, RecordingModel recordings, LocalFlow flow) =>
        flow.Mentions(
            operation,
            op => IsRecordingSource(op, recordings),
            op => op is IMemberReferenceOperation { Instance: { } instance } && recordings.IsRecordingType(instance.Type));

    /// <summary>
    /// False when nothing in <paramref name="root"/> is a recording source, so that <see cref="MentionsRecording"/> is
    /// false for every operand in it under a <see cref="LocalFlow"/> of <paramref name="root"/> (the flow only follows
    /// values written in its root). A cheap walk that needs no flow: most methods never touch a recording.
    /// </summary>
    public static bool MayMentionRecording(IOperation root, RecordingModel recordings)
    {
        foreach (var operation in OperationWalk.DescendantsAndSelf(root))
        {
            if (IsRecordingSource(operation, recordings))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRecordingSource(IOperation op, RecordingModel recordings) => op.Kind switch
    {
        OperationKind.FieldReference or OperationKind.PropertyReference or OperationKind.MethodReference or OperationKind.EventReference =>
            recordings.IsRecordingMember(((IMemberReferenceOperation)op).Member),
        OperationKind.Invocation => recordings.IsRecordingMember(((IInvocationOperation)op).TargetMethod),
        OperationKind.LocalReference or OperationKind.ParameterReference => recordings.IsRecordingType(op.Type) || recordings.GetRecordingElementType(op.Type) is not null,
        _ => false,
    };

    /// <summary>True when <paramref name="root"/> sets <c>Response.ContentType</c> to a <c>video/*</c> or <c>audio/*</c> constant.</summary>
    public bool SetsMediaContentType(IOperation root)
    {
        foreach (var operation in OperationWalk.Descendants(root))
        {
            if (operation.Kind == OperationKind.SimpleAssignment &&
                operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" } target } assignment &&
                target.Property.ContainingType.IsOrDerivesFrom(this.httpResponse) &&
                RecordingModel.IsMediaContentType(assignment.Value.GetConstantString()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sink <paramref name="invocation"/> is, or null.</summary>
    public ContentSink? AsSink(IInvocationOperation invocation) => this.AsSink(invocation, mayWriteResponseBody: true);

    /// <summary>
    /// The sink <paramref name="invocation"/> is, or null; <paramref name="mayWriteResponseBody"/> false (the caller
    /// knows that no <c>Response.Body</c> or <c>BodyWriter</c> is read around it, see <see cref="ReadsResponseBody"/>)
    /// skips looking at its receiver and arguments for one.
    /// </summary>
    public ContentSink? AsSink(IInvocationOperation invocation, bool mayWriteResponseBody)
    {
        var method = invocation.TargetMethod;
        if (IsSinkName(method.Name) && this.AsNamedSink(invocation, method) is { } named)
        {
            return named;
        }

        if (!mayWriteResponseBody)
        {
            return null;
        }

        // stream.CopyToAsync(Response.Body), Response.Body.WriteAsync(bytes), Response.BodyWriter.WriteAsync(...)
        IOperation? body = null;
        if (this.IsResponseBody(invocation.Instance))
        {
            body = invocation.Instance;
        }
        else
        {
            foreach (var argument in invocation.Arguments)
            {
                if (this.IsResponseBody(argument.Value))
                {
                    body = argument.Value;
                }
            }
        }

        if (body is not null)
        {
            var operands = Values(invocation, skip: body);
            if (invocation.Instance is { } instance && instance != body)
            {
                operands = operands.Add(instance);
            }

            return new ContentSink(invocation, "Response.Body", operands, isLink: false);
        }

        return null;
    }

    /// <summary>
    /// False when a call of <paramref name="method"/> cannot be a sink: a caller that keeps the methods of a block's calls
    /// (see <see cref="Internals.FlatTree.TargetMethods"/>) asks this before fetching the call for <see cref="AsSink(IInvocationOperation, bool)"/>.
    /// </summary>
    public static bool MayBeSink(IMethodSymbol method, bool mayWriteResponseBody) => mayWriteResponseBody || IsSinkName(method.Name);

    private static bool IsSinkName(string name) =>
        name is "File" or "PhysicalFile" or "VirtualFile" or "Bytes" or "Stream" or "Ok" or "Json" or "Content" or "SendFileAsync"
            or "Redirect" or "RedirectPermanent" or "RedirectPreserveMethod" or "RedirectPermanentPreserveMethod";

    /// <summary>The sinks recognized by method name and type; only called for those names (the type checks walk base types).</summary>
    private ContentSink? AsNamedSink(IInvocationOperation invocation, IMethodSymbol method)
    {
        var type = method.ContainingType;
        var isMvc = type.IsOrDerivesFrom(this.controllerBase) || type.IsOrDerivesFrom(this.pageModel);
        var isResults = SymbolEqualityComparer.Default.Equals(type, this.results) || SymbolEqualityComparer.Default.Equals(type, this.typedResults);
        var prefix = isResults ? type.Name + "." : string.Empty;

        if ((isMvc && method.Name is "File" or "PhysicalFile" or "VirtualFile") ||
            (isResults && method.Name is "File" or "Bytes" or "Stream" or "PhysicalFile" or "VirtualFile"))
        {
            return new ContentSink(invocation, prefix + method.Name, Values(invocation, skip: null), isLink: false);
        }

        if ((isMvc || isResults) && method.Name is "Redirect" or "RedirectPermanent" or "RedirectPreserveMethod" or "RedirectPermanentPreserveMethod")
        {
            return new ContentSink(invocation, prefix + method.Name, Values(invocation, skip: null), isLink: true);
        }

        if ((isMvc || isResults) && method.Name is "Ok" or "Json" or "Content" && invocation.Arguments.Length > 0 &&
            this.IsLinkType(invocation.Arguments[0].Value.WalkDownConversions().Type))
        {
            return new ContentSink(invocation, prefix + method.Name, ImmutableArray.Create(invocation.Arguments[0].Value.WalkDownConversions()), isLink: true);
        }

        if (SymbolEqualityComparer.Default.Equals(type, this.sendFile) && method.Name == "SendFileAsync")
        {
            return new ContentSink(invocation, "SendFileAsync", Values(invocation, skip: invocation.GetReceiver()), isLink: false);
        }

        if (method.Name == "Redirect" && type.IsOrDerivesFrom(this.httpResponse))
        {
            return new ContentSink(invocation, "Response.Redirect", Values(invocation, skip: null), isLink: true);
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="tree"/> reads a property named <c>Body</c> or <c>BodyWriter</c> anywhere: without one,
    /// no call in it can write the response body (a necessary condition, checked once per block instead of on the
    /// receiver and every argument of every call).
    /// </summary>
    public static bool ReadsResponseBody(FlatTree tree)
    {
        for (var i = 0; i < tree.Operations.Length; i++)
        {
            if (tree.KindAt(i) == OperationKind.PropertyReference &&
                ((IPropertyReferenceOperation)tree.Operations[i]).Property.Name is "Body" or "BodyWriter")
            {
                return true;
            }
        }

        return false;
    }

    private bool IsResponseBody(IOperation? operation) =>
        operation?.WalkDownConversions() is IPropertyReferenceOperation { Property: { Name: "Body" or "BodyWriter" } property } &&
        property.ContainingType.IsOrDerivesFrom(this.httpResponse);

    private bool IsLinkType(ITypeSymbol? type) =>
        type is not null && (type.SpecialType == SpecialType.System_String || (this.uri is not null && type.IsOrDerivesFrom(this.uri)));

    private static ImmutableArray<IOperation> Values(IInvocationOperation invocation, IOperation? skip)
    {
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value != skip && argument.Value.WalkDownConversions() != skip?.WalkDownConversions())
            {
                builder.Add(argument.Value);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>A media content type or a name with a media extension, as a constant or a literal part of an interpolation.</summary>
    private static bool NamesMedia(IOperation operand)
    {
        foreach (var part in operand.DescendantsAndSelf())
        {
            var text = part switch
            {
                IInterpolatedStringTextOperation textPart => textPart.Text.GetConstantString(),
                ILiteralOperation or IFieldReferenceOperation or ILocalReferenceOperation => part.GetConstantString(),
                _ => null,
            };

            if (RecordingModel.IsMediaContentType(text) || RecordingModel.HasMediaExtension(text))
            {
                return true;
            }
        }

        return false;
    }
}
