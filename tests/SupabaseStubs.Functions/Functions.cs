using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Supabase.Core.Interfaces;
using Supabase.Functions.Interfaces;

namespace Supabase.Functions.Interfaces
{
    public interface IFunctionsClient : IGettableHeaders
    {
        Task<string> Invoke(string url, string? token = null, Client.InvokeFunctionOptions? options = null);
        Task<T?> Invoke<T>(string url, string? token = null, Client.InvokeFunctionOptions? options = null) where T : class;
        Task<HttpContent> RawInvoke(string url, string? token = null, Client.InvokeFunctionOptions? options = null);
    }
}

namespace Supabase.Functions
{
    public class FunctionRegion
    {
        public FunctionRegion(string region) => throw null!;
    }

    public class Client : IFunctionsClient
    {
        public Client(string baseUrl, FunctionRegion? region = null) => throw null!;
        public Func<Dictionary<string, string>>? GetHeaders { get; set; }
        public Task<string> Invoke(string functionName, string? token = null, InvokeFunctionOptions? options = null) => throw null!;
        public Task<T?> Invoke<T>(string functionName, string? token = null, InvokeFunctionOptions? options = null) where T : class => throw null!;
        public Task<HttpContent> RawInvoke(string functionName, string? token = null, InvokeFunctionOptions? options = null) => throw null!;

        public class InvokeFunctionOptions
        {
            public Dictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();
            public Dictionary<string, object> Body { get; set; } = new Dictionary<string, object>();
        }
    }
}
