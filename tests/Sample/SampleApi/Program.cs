using SampleApi;

var app = WebApplication.CreateBuilder(args).Build();
app.MapPost("/seed", (string email, string password) => UserSeeder.SeedAsync(email, password));
app.Run();
