// Stand-in for .NET MAUI's Microsoft.Maui.ApplicationModel (runtime permissions), which cannot be referenced on
// this build machine. Same namespaces, names and signatures as MAUI; the bodies only throw. See README.md here.
namespace Microsoft.Maui.ApplicationModel;

public enum PermissionStatus
{
    Unknown = 0,
    Denied = 1,
    Disabled = 2,
    Granted = 3,
    Restricted = 4,
    Limited = 5,
}

public static partial class Permissions
{
    public static Task<PermissionStatus> CheckStatusAsync<TPermission>()
        where TPermission : BasePermission, new() => throw new PlatformNotSupportedException();

    public static Task<PermissionStatus> RequestAsync<TPermission>()
        where TPermission : BasePermission, new() => throw new PlatformNotSupportedException();

    public abstract class BasePermission
    {
        public abstract Task<PermissionStatus> CheckStatusAsync();

        public abstract Task<PermissionStatus> RequestAsync();
    }

    public class BasePlatformPermission : BasePermission
    {
        public override Task<PermissionStatus> CheckStatusAsync() => throw new PlatformNotSupportedException();

        public override Task<PermissionStatus> RequestAsync() => throw new PlatformNotSupportedException();
    }

    public class LocationWhenInUse : BasePlatformPermission
    {
    }

    public class LocationAlways : BasePlatformPermission
    {
    }

    public class Microphone : BasePlatformPermission
    {
    }
}
