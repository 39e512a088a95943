namespace SupabaseKeyAnalyzers.Tests.Infrastructure;

/// <summary>Source fragments shared by tests that build C# at run time.</summary>
public static class TestSources
{
    /// <summary>The usings every test source and generated corpus starts with (the Supabase SDK's namespaces included).</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading.Tasks;
        using Supabase;
        using Supabase.Gotrue;
        using Supabase.Gotrue.Interfaces;

        """;

    /// <summary>The token libraries' namespaces, after <see cref="Usings"/>, for the tests that reference them (SBK008).</summary>
    public const string JwtUsings = """
        using System.IdentityModel.Tokens.Jwt;
        using System.Security.Claims;
        using System.Text;
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;

        """;

    /// <summary>
    /// A dependency-injection and configuration surface with the real names and namespaces (the packages are not
    /// referenced by the tests): <c>IConfiguration</c> with its indexer, <c>GetSection</c>, <c>GetValue&lt;T&gt;</c>,
    /// the binder's <c>Get&lt;T&gt;</c> and <c>Bind</c>, <c>IOptions&lt;T&gt;</c>, <c>Configure&lt;T&gt;</c>, and the
    /// <c>Add*</c> registrations.
    /// </summary>
    public const string Hosting = """
        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string? this[string key] { get; }
                IConfiguration GetSection(string key);
            }

            public static class ConfigurationBinder
            {
                public static T? GetValue<T>(this IConfiguration configuration, string key) => default;
                public static T? Get<T>(this IConfiguration configuration) => default;
                public static void Bind(this IConfiguration configuration, object? instance) { }
            }
        }

        namespace Microsoft.Extensions.Options
        {
            public interface IOptions<out TOptions> where TOptions : class
            {
                TOptions Value { get; }
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection
            {
            }

            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, System.Func<System.IServiceProvider, TService> factory) where TService : class => services;
                public static IServiceCollection AddScoped<TService>(this IServiceCollection services, System.Func<System.IServiceProvider, TService> factory) where TService : class => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService instance) where TService : class => services;
                public static IServiceCollection AddScoped<TService>(this IServiceCollection services) where TService : class => services;
                public static IServiceCollection AddScoped<TService, TImplementation>(this IServiceCollection services) where TService : class where TImplementation : class, TService => services;
            }

            public static class OptionsConfigurationServiceCollectionExtensions
            {
                public static IServiceCollection Configure<TOptions>(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration config) where TOptions : class => services;
            }
        }
        """;
}
