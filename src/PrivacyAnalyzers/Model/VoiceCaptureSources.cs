using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// The APIs that start capturing the microphone (PRIV030), matched by symbol with every overload: NAudio,
/// WinRT <c>MediaCapture</c>, the Azure Speech SDK's microphone input, Plugin.Maui.Audio's recorder and
/// Android's recorders. Loopback capture (what the speakers play) is not the microphone and is not a source.
/// Teams add their own wrappers with <c>capture_sources</c>.
/// </summary>
internal sealed class VoiceCaptureSources : ICollectionSources
{
    private const string Microphone = "the microphone";

    private static readonly ApiMembers[] CaptureApis =
    {
        new(WellKnownTypeNames.NAudioWaveInEvent, "StartRecording"),
        new(WellKnownTypeNames.NAudioWaveIn, "StartRecording"),
        new(WellKnownTypeNames.NAudioIWaveIn, "StartRecording"),
        new(WellKnownTypeNames.NAudioWasapiCapture, "StartRecording"),
        new(WellKnownTypeNames.WindowsMediaCapture, "StartRecordToStorageFileAsync", "StartRecordToStreamAsync", "PrepareLowLagRecordAudioAsync"),
        new(WellKnownTypeNames.SpeechAudioConfig, "FromDefaultMicrophoneInput", "FromMicrophoneInput"),
        new(WellKnownTypeNames.MauiAudioIAudioRecorder, "StartAsync"),
        new(WellKnownTypeNames.MauiAudioAudioRecorder, "StartAsync"),
        new(WellKnownTypeNames.AndroidMediaRecorder, "Start"),
        new(WellKnownTypeNames.AndroidAudioRecord, "StartRecording"),
    };

    private readonly ApiMemberSet captures;
    private readonly INamedTypeSymbol? loopbackCapture;

    private VoiceCaptureSources(ApiMemberSet captures, INamedTypeSymbol? loopbackCapture)
    {
        this.captures = captures;
        this.loopbackCapture = loopbackCapture;
    }

    public bool HasBuiltInApis => !this.captures.IsEmpty;

    public static VoiceCaptureSources For(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        return new VoiceCaptureSources(ApiMemberSet.Create(types, CaptureApis), types.Get(WellKnownTypeNames.NAudioWasapiLoopbackCapture));
    }

    public CollectionSource? Match(IOperation operation, SymbolSet configured, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (this.captures.Contains(method))
                {
                    return this.loopbackCapture is not null && invocation.Instance?.Type.IsOrDerivesFrom(this.loopbackCapture) == true
                        ? null
                        : new CollectionSource(operation, CollectionSource.DisplayName(method), Microphone);
                }

                return configured.Contains(method)
                    ? new CollectionSource(operation, CollectionSource.DisplayName(method), Microphone)
                    : null;

            case IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation reference } when configured.Contains(reference.Event):
                return new CollectionSource(operation, CollectionSource.DisplayName(reference.Event), Microphone);

            case IPropertyReferenceOperation property when configured.Contains(property.Property):
                return new CollectionSource(operation, CollectionSource.DisplayName(property.Property), Microphone);

            default:
                return null;
        }
    }
}
