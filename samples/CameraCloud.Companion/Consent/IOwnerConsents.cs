namespace CameraCloud.Companion.Consent;

/// <summary>The camera owner's choices on the companion app's privacy page, synced with the CameraCloud account.</summary>
public interface IOwnerConsents
{
    /// <summary>True once the owner turned on location-based away mode and agreed to share the phone's location.</summary>
    Task<bool> HasLocationConsentAsync();
}
