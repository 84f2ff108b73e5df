using CameraCloud.Models;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CameraCloud.Data;

public class CameraCloudDbContext : IdentityDbContext<CustomerAccount>
{
    public CameraCloudDbContext(DbContextOptions<CameraCloudDbContext> options)
        : base(options)
    {
    }

    public DbSet<Camera> Cameras => Set<Camera>();

    public DbSet<Recording> Recordings => Set<Recording>();
}
