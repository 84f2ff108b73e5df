// Stand-in for Plugin.Maui.Audio (audio recording on MAUI), which cannot be referenced on this build machine.
// Same namespace, names and signatures as the plugin; there is no implementation here. See README.md here.
namespace Plugin.Maui.Audio;

public interface IAudioSource
{
}

public interface IAudioRecorder
{
    bool CanRecordAudio { get; }

    bool IsRecording { get; }

    Task StartAsync();

    Task StartAsync(string filePath);

    Task<IAudioSource> StopAsync();
}

public interface IAudioManager
{
    IAudioRecorder CreateRecorder();
}
