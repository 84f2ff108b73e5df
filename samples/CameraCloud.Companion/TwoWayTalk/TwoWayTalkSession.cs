using Microsoft.Maui.ApplicationModel;
using Plugin.Maui.Audio;

namespace CameraCloud.Companion.TwoWayTalk;

/// <summary>Two-way talk: the owner speaks through a camera's speaker, from the phone's microphone.</summary>
public sealed class TwoWayTalkSession
{
    private readonly IAudioRecorder recorder;

    public TwoWayTalkSession(IAudioManager audio) => recorder = audio.CreateRecorder();

    /// <summary>The talk button on a camera's live view: asks for the microphone permission first.</summary>
    public async Task<bool> StartAsync()
    {
        var status = await Permissions.CheckStatusAsync<Permissions.Microphone>();
        if (status != PermissionStatus.Granted)
        {
            status = await Permissions.RequestAsync<Permissions.Microphone>();
        }

        if (status != PermissionStatus.Granted)
        {
            return false;
        }

        await recorder.StartAsync();
        return true;
    }

    /// <summary>"Talk now" on a motion notification: opens the microphone straight away.</summary>
    public async Task StartFromNotificationAsync(string cameraId)
    {
        await recorder.StartAsync($"talk-{cameraId}.m4a"); // PRIV030: the microphone starts from a notification tap without any permission or consent check
    }

    public Task<IAudioSource> StopAsync() => recorder.StopAsync();
}
