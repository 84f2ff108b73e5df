using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Analyzer = PrivacyAnalyzers.Consent.VoiceCaptureWithoutConsentAnalyzer;
using Fixer = PrivacyAnalyzers.CodeFixes.Consent.VoiceCaptureWithoutConsentFixer;
using Verify = PrivacyAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyAnalyzers.Consent.VoiceCaptureWithoutConsentAnalyzer>;

namespace PrivacyAnalyzers.Tests.Consent;

/// <summary>PRIV030: voice captured without a consent check (NAudio is the real package; the other platforms are stubs).</summary>
public sealed class VoiceCaptureWithoutConsentTests
{
    internal const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Maui.ApplicationModel;
        using NAudio.Wave;

        """;

    internal const string Declarations = """

        public interface IChildConsents
        {
            Task<bool> HasParentalConsentAsync(Guid childId);
            bool HasVoiceConsent(Guid childId);
        }

        """;

    private static Task VerifyAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected) =>
        ConsentTest.VerifyAsync<Analyzer>(Usings + source + Declarations, editorConfig, expected);

    [Fact]
    public async Task NAudioCapture_WithoutConsent_IsFlagged_WithConsent_IsNot()
    {
        await VerifyAsync("""
            using NAudio.CoreAudioApi;

            public class Assistant
            {
                private readonly IChildConsents consents;
                public Assistant(IChildConsents consents) => this.consents = consents;

                public void Listen()
                {
                    var microphone = new WaveInEvent { WaveFormat = new WaveFormat(16000, 1) };
                    microphone.DataAvailable += (sender, args) => { };
                    {|#0:microphone.StartRecording()|};
                }

                public async Task ListenToChild(Guid childId)
                {
                    if (!await consents.HasParentalConsentAsync(childId))
                    {
                        return;
                    }

                    var microphone = new WaveInEvent();
                    microphone.StartRecording();
                }

                public void Wasapi(IWaveIn input)
                {
                    var capture = new WasapiCapture();
                    {|#1:capture.StartRecording()|};
                    {|#2:input.StartRecording()|};
                    {|#3:new WaveIn().StartRecording()|};
                }

                public void Loopback()
                {
                    // What the speakers play, not the microphone.
                    var loopback = new WasapiLoopbackCapture();
                    loopback.StartRecording();
                }

                public void Stop(WaveInEvent microphone) => microphone.StopRecording();
            }
            """,
            expected: new[]
            {
                Verify.Diagnostic().WithLocation(0).WithArguments("WaveInEvent.StartRecording", "the microphone"),
                Verify.Diagnostic().WithLocation(1).WithArguments("WasapiCapture.StartRecording", "the microphone"),
                Verify.Diagnostic().WithLocation(2).WithArguments("IWaveIn.StartRecording", "the microphone"),
                Verify.Diagnostic().WithLocation(3).WithArguments("WaveIn.StartRecording", "the microphone"),
            });
    }

    [Fact]
    public async Task MicrophonePermission_IsAGuard_ButALocationPermissionIsNot()
    {
        await VerifyAsync("""
            public class Assistant
            {
                public async Task Microphone(WaveInEvent input)
                {
                    var status = await Permissions.CheckStatusAsync<Permissions.Microphone>();
                    if (status != PermissionStatus.Granted)
                    {
                        status = await Permissions.RequestAsync<Permissions.Microphone>();
                    }

                    if (status == PermissionStatus.Granted)
                    {
                        input.StartRecording();
                    }
                }

                public async Task Location(WaveInEvent input)
                {
                    if (await Permissions.RequestAsync<Permissions.LocationWhenInUse>() != PermissionStatus.Granted) return;
                    [|input.StartRecording()|];
                }

                public async Task Speech(WaveInEvent input)
                {
                    if (await Permissions.RequestAsync<Permissions.Speech>() != PermissionStatus.Granted) return;
                    [|input.StartRecording()|];
                }

                public async Task Ignored(WaveInEvent input)
                {
                    await Permissions.RequestAsync<Permissions.Microphone>();
                    [|input.StartRecording()|];
                }
            }
            """);
    }

    [Fact]
    public async Task AcceptOsPermissionFalse_OnlyParentalConsentCounts()
    {
        const string Source = """
            public class Assistant
            {
                public async Task Os(WaveInEvent input)
                {
                    if (await Permissions.RequestAsync<Permissions.Microphone>() != PermissionStatus.Granted) return;
                    {|#0:input.StartRecording()|};
                }

                public async Task Parental(WaveInEvent input, IChildConsents consents, Guid childId)
                {
                    if (await Permissions.RequestAsync<Permissions.Microphone>() != PermissionStatus.Granted) return;
                    if (!consents.HasVoiceConsent(childId)) return;
                    input.StartRecording();
                }
            }
            """;

        await VerifyAsync(Source);
        await VerifyAsync(
            Source,
            "dotnet_code_quality.PRIV030.accept_os_permission = false",
            Verify.Diagnostic().WithLocation(0).WithArguments("WaveInEvent.StartRecording", "the microphone"));
    }

    [Fact]
    public async Task OtherPlatforms_AreSourcesToo()
    {
        await VerifyAsync("""
            using Android.Media;
            using Microsoft.CognitiveServices.Speech;
            using Microsoft.CognitiveServices.Speech.Audio;
            using Plugin.Maui.Audio;
            using Windows.Media.Capture;
            using Windows.Media.MediaProperties;

            public class Platforms
            {
                public async Task OnWindows(MediaCapture capture, Windows.Storage.IStorageFile file, Windows.Storage.Streams.IRandomAccessStream stream)
                {
                    await capture.InitializeAsync();
                    var profile = MediaEncodingProfile.CreateM4a(AudioEncodingQuality.High);
                    await {|#0:capture.StartRecordToStorageFileAsync(profile, file)|};
                    await {|#1:capture.StartRecordToStreamAsync(profile, stream)|};
                    var recording = await {|#2:capture.PrepareLowLagRecordAudioAsync(profile)|};
                    await capture.StopRecordAsync();
                }

                public async Task OnAzureSpeech()
                {
                    using var audio = {|#3:AudioConfig.FromDefaultMicrophoneInput()|};
                    using var named = {|#4:AudioConfig.FromMicrophoneInput("USB")|};
                    using var file = AudioConfig.FromWavFileInput("question.wav");
                    using var recognizer = new SpeechRecognizer(SpeechConfig.FromSubscription("key", "region"), audio);
                    await recognizer.StartContinuousRecognitionAsync();
                }

                public async Task OnMaui(IAudioManager audio)
                {
                    var recorder = audio.CreateRecorder();
                    if (recorder.CanRecordAudio)
                    {
                        await {|#5:recorder.StartAsync()|};
                        await {|#6:recorder.StartAsync("message.wav")|};
                    }
                }

                public void OnAndroid(MediaRecorder recorder, AudioRecord record)
                {
                    recorder.SetAudioSource(AudioSource.Mic);
                    recorder.Prepare();
                    {|#7:recorder.Start()|};
                    {|#8:record.StartRecording()|};
                }
            }
            """,
            expected: new[]
            {
                Verify.Diagnostic().WithLocation(0).WithArguments("MediaCapture.StartRecordToStorageFileAsync", "the microphone"),
                Verify.Diagnostic().WithLocation(1).WithArguments("MediaCapture.StartRecordToStreamAsync", "the microphone"),
                Verify.Diagnostic().WithLocation(2).WithArguments("MediaCapture.PrepareLowLagRecordAudioAsync", "the microphone"),
                Verify.Diagnostic().WithLocation(3).WithArguments("AudioConfig.FromDefaultMicrophoneInput", "the microphone"),
                Verify.Diagnostic().WithLocation(4).WithArguments("AudioConfig.FromMicrophoneInput", "the microphone"),
                Verify.Diagnostic().WithLocation(5).WithArguments("IAudioRecorder.StartAsync", "the microphone"),
                Verify.Diagnostic().WithLocation(6).WithArguments("IAudioRecorder.StartAsync", "the microphone"),
                Verify.Diagnostic().WithLocation(7).WithArguments("MediaRecorder.Start", "the microphone"),
                Verify.Diagnostic().WithLocation(8).WithArguments("AudioRecord.StartRecording", "the microphone"),
            });
    }

    [Fact]
    public async Task GuardsInLambdasAndLocalFunctions_AreTheirOwn()
    {
        await VerifyAsync("""
            public class Assistant
            {
                public void Wire(IChildConsents consents, Guid childId, WaveInEvent input, Action<Action> onButton)
                {
                    onButton(() =>
                    {
                        if (consents.HasVoiceConsent(childId)) input.StartRecording();
                    });

                    onButton(() => [|input.StartRecording()|]);

                    void Talk()
                    {
                        if (!consents.HasVoiceConsent(childId)) return;
                        input.StartRecording();
                    }

                    Talk();
                }
            }
            """);
    }

    [Fact]
    public async Task ConfiguredCaptureSources_AreFlagged()
    {
        const string Source = """
            namespace App
            {
                public class VoiceService
                {
                    public void BeginListening() { }
                    public void BeginListening(int seconds) { }
                }

                public class Screen
                {
                    public void Show(VoiceService voice)
                    {
                        {|#0:voice.BeginListening()|};
                        {|#1:voice.BeginListening(5)|};
                    }
                }
            }
            """;

        await VerifyAsync(Source);
        await VerifyAsync(
            Source,
            "dotnet_code_quality.PRIV030.capture_sources = M:App.VoiceService.BeginListening",
            Verify.Diagnostic().WithLocation(0).WithArguments("VoiceService.BeginListening", "the microphone"),
            Verify.Diagnostic().WithLocation(1).WithArguments("VoiceService.BeginListening", "the microphone"));
    }

    [Fact]
    public async Task FixAll_GuardsEachCaptureWithTheConfiguredCheck()
    {
        const string Service = """

            namespace App
            {
                public class Parents
                {
                    public bool MayRecordVoice() => false;
                }
            }
            """;

        var source = Usings + """
            namespace App
            {
                public class TwoWayTalk
                {
                    private readonly Parents parents = new();
                    private readonly WaveInEvent microphone = new();

                    public void Start()
                    {
                        microphone.WaveFormat = new WaveFormat(16000, 1);
                        [|microphone.StartRecording()|];
                    }

                    public async Task StartLater()
                    {
                        await Task.Delay(100);
                        [|microphone.StartRecording()|];
                    }
                }
            }
            """ + Service;
        var fixedSource = Usings + """
            namespace App
            {
                public class TwoWayTalk
                {
                    private readonly Parents parents = new();
                    private readonly WaveInEvent microphone = new();

                    public void Start()
                    {
                        microphone.WaveFormat = new WaveFormat(16000, 1);
                        if (!parents.MayRecordVoice())
                        {
                            return;
                        }

                        microphone.StartRecording();
                    }

                    public async Task StartLater()
                    {
                        await Task.Delay(100);
                        if (!parents.MayRecordVoice())
                        {
                            return;
                        }

                        microphone.StartRecording();
                    }
                }
            }
            """ + Service;

        await ConsentTest.VerifyFixAsync<Analyzer, Fixer>(source, fixedSource, "dotnet_code_quality.PRIV030.consent_checks = M:App.Parents.MayRecordVoice");
    }
}
