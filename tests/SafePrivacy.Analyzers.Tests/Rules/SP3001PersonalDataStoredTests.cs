using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataStoredAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

/// <summary>SP3001 for every storage sink it claims, against the real EF Core, caching and ASP.NET Core APIs.</summary>
public sealed class SP3001PersonalDataStoredTests
{
    private const string Model = TestModel.Users + """

        public class ForumContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<User> Users => Set<User>();
            public Microsoft.EntityFrameworkCore.DbSet<Setting> Settings => Set<Setting>();
        }

        public class Setting { public int Id { get; set; } public string Theme { get; set; } = ""; }
        """;

    [Fact]
    public Task Diagnostic_ForEveryEfCoreWrite_DecidedByTheEntityType() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Threading.Tasks;

        public class Accounts
        {
            public async Task Save(ForumContext db, User user, User[] many, Setting setting)
            {
                db.Users.Add({|#0:user|});
                await db.Users.AddAsync([|user|]);
                db.Users.AddRange([|many|]);
                db.Users.Update([|user|]);
                db.Users.Attach([|user|]);
                db.Add([|user|]);
                db.UpdateRange([|many|]);
                db.Settings.Add(setting);
                db.Add(setting);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("the whole 'User' (holds Email, DisplayName) is stored by DbSet.Add with no [LawfulBasis] in scope; declare the basis on 'Accounts.Save' or its type"));

    [Fact]
    public Task Diagnostic_ForFileWritesAndFileStreams_ButNotMemoryWriters() => Verify.VerifyAnalyzerAsync($$"""
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;

        public class Export
        {
            public async Task Run(User user, string path)
            {
                File.WriteAllText(path, [|user.Email|]);
                await File.AppendAllTextAsync(path, [|"line " + user.DisplayName|]);
                File.WriteAllLines(path, [|new[] { user.Email }|]);
                File.WriteAllBytes(path, [|Encoding.UTF8.GetBytes(user.Email)|]);
                using var writer = new StreamWriter(path);
                writer.WriteLine([|user.Email|]);
                await writer.WriteAsync([|user.DisplayName|]);
                using var stream = new FileStream(path, FileMode.Append);
                stream.Write([|Encoding.UTF8.GetBytes(user.Email)|]);
                using var memory = new StringWriter();
                memory.WriteLine(user.Email);
                File.WriteAllText(path, user.Theme);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForCachesSessionsAndCookies() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Memory;

        public class Profiles
        {
            public async Task Run(User user, IDistributedCache distributed, IMemoryCache memory, HttpContext http)
            {
                await distributed.SetStringAsync("profile", [|user.Email|]);
                distributed.Set("profile", [|Encoding.UTF8.GetBytes(user.DisplayName)|], new DistributedCacheEntryOptions());
                memory.Set("profile", [|user|], TimeSpan.FromMinutes(5));
                memory.Set([|$"user:{user.Email}"|], user.Id);
                http.Session.SetString("email", [|user.Email|]);
                http.Response.Cookies.Append("name", [|user.DisplayName|]);
                http.Session.SetString("theme", user.Theme);
                memory.Set("count", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForStorageSinkWrappers() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        public class Archive
        {
            [StorageSink]
            public void Put(string key, object value) { }
        }

        public class Accounts
        {
            public void Run(Archive archive, User user)
            {
                archive.Put("user", [|user|]);
                archive.Put("count", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_WhenABasisIsInScope() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        [LawfulBasis(LawfulBasis.Contract, Purpose = "Keep member accounts")]
        public class Accounts
        {
            public void Save(ForumContext db, User user) => db.Users.Add(user);
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForDapperCommandsThatMayWrite_ButNotPlainReads() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Data;
        using System.Data.Common;
        using System.Threading.Tasks;
        using Dapper;

        public class Accounts
        {
            private const string Insert = "INSERT INTO users (email, name) VALUES (@Email, @DisplayName)";

            public async Task Save(IDbConnection db, DbConnection sqlite, User user, User[] many, string sql)
            {
                db.Execute(Insert, {|#0:user|});
                await sqlite.ExecuteAsync("UPDATE users SET email = @Email WHERE id = @Id", [|new { user.Email, user.Id }|]);
                await db.ExecuteAsync([|new CommandDefinition(Insert, user)|]);
                db.Execute(Insert, [|many|]);
                var id = await db.QuerySingleAsync<int>("INSERT INTO users (email) VALUES (@Email) RETURNING id", [|new { user.Email }|]);
                await db.ExecuteAsync(sql, [|user|]);
                db.Execute("users_save", [|new { user.DisplayName }|], commandType: CommandType.StoredProcedure);

                var found = await db.QueryFirstOrDefaultAsync<User>("SELECT * FROM users WHERE email = @Email", new { user.Email });
                var all = db.Query<User>("select id, email from users where name = @DisplayName", new { user.DisplayName });
                await db.ExecuteAsync("DELETE FROM users WHERE email = @Email", new { user.Email });
                await db.ExecuteAsync(Insert, new { user.Theme });
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("the whole 'User' (holds Email, DisplayName) is stored by IDbConnection.Execute with no [LawfulBasis] in scope; declare the basis on 'Accounts.Save' or its type"));

    [Fact]
    public Task Diagnostic_ForRedisValuesKeysHashesAndLists() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;
        using System.Text.Json;
        using System.Threading.Tasks;
        using StackExchange.Redis;

        public class Sessions
        {
            public async Task Save(IDatabase redis, User user)
            {
                redis.StringSet("session:1", {|#0:user.Email|}, TimeSpan.FromMinutes(20));
                await redis.StringSetAsync("session:1", [|JsonSerializer.Serialize(user)|], TimeSpan.FromMinutes(20));
                redis.StringSet([|$"by-email:{user.Email}"|], 1, TimeSpan.FromMinutes(20));
                redis.HashSet("user:1", "name", [|user.DisplayName|]);
                await redis.HashSetAsync("user:1", [|new[] { new HashEntry("email", user.Email) }|]);
                redis.ListRightPush("recent", [|user.Email|]);
                await redis.ListLeftPushAsync("recent", [|user.DisplayName|]);
                redis.KeyExpire("user:1", TimeSpan.FromHours(1));
                redis.KeyExpire("recent", TimeSpan.FromHours(1));

                redis.StringSet("theme:1", user.Theme);
                redis.StringSet($"visits:{user.Id}", 1);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is stored by IDatabase.StringSet with no [LawfulBasis] in scope; declare the basis on 'Sessions.Save' or its type"));

    [Fact]
    public Task Diagnostic_ForBlobAndObjectStores() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;
        using System.IO;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Azure.Storage.Blobs;

        public class Exports
        {
            public async Task Save(BlobClient blob, BlobContainerClient container, AmazonS3Client s3, IAmazonS3 storage, User user)
            {
                await blob.UploadAsync({|#0:BinaryData.FromString(JsonSerializer.Serialize(user))|});
                blob.Upload([|new MemoryStream(Encoding.UTF8.GetBytes(user.Email))|], overwrite: true);
                await container.UploadBlobAsync("export.json", [|BinaryData.FromObjectAsJson(user)|]);
                await s3.PutObjectAsync({|#1:new PutObjectRequest { BucketName = "exports", Key = "user.json", ContentBody = JsonSerializer.Serialize(user) }|});
                await storage.PutObjectAsync([|new PutObjectRequest { BucketName = "exports", Key = "email.txt", ContentBody = user.Email }|]);

                await blob.UploadAsync(BinaryData.FromString(user.Theme));
                await blob.UploadAsync("/tmp/export.json");
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "exports", Key = "theme.txt", ContentBody = user.Theme });
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("the whole 'User' (holds Email, DisplayName) is stored by BlobClient.UploadAsync with no [LawfulBasis] in scope; declare the basis on 'Exports.Save' or its type"),
        Verify.Diagnostic("SP3001").WithLocation(1)
            .WithMessage("the whole 'User' (holds Email, DisplayName) is stored by IAmazonS3.PutObjectAsync with no [LawfulBasis] in scope; declare the basis on 'Exports.Save' or its type"));

    [Fact]
    public Task Diagnostic_ForDocumentStoresAndSearchIndexes() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Elastic.Clients.Elasticsearch;
        using MongoDB.Driver;

        public class Profiles
        {
            public async Task Save(IMongoCollection<User> users, IMongoCollection<Setting> settings, ElasticsearchClient search, User user, List<User> many, Setting setting)
            {
                users.InsertOne({|#0:user|});
                await users.InsertOneAsync([|user|]);
                await users.InsertManyAsync([|many|]);
                users.ReplaceOne(u => u.Id == user.Id, [|user|]);
                await users.ReplaceOneAsync(Builders<User>.Filter.Eq(u => u.Id, user.Id), [|user|]);
                await users.UpdateOneAsync(u => u.Id == user.Id, [|Builders<User>.Update.Set(u => u.Email, user.Email)|]);
                await search.IndexAsync({|#1:user|});
                search.Index([|user|], "users");
                await search.IndexManyAsync([|many|]);

                settings.InsertOne(setting);
                await search.IndexAsync(setting);
                var found = await users.Find(u => u.Email == user.Email).FirstOrDefaultAsync();
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP3001").WithLocation(0)
            .WithMessage("the whole 'User' (holds Email, DisplayName) is stored by IMongoCollection.InsertOne with no [LawfulBasis] in scope; declare the basis on 'Profiles.Save' or its type"),
        Verify.Diagnostic("SP3001").WithLocation(1)
            .WithMessage("the whole 'User' (holds Email, DisplayName) is stored by ElasticsearchClient.IndexAsync with no [LawfulBasis] in scope; declare the basis on 'Profiles.Save' or its type"));

    [Fact]
    public Task Diagnostic_ForHybridCacheEntries() => Verify.VerifyAnalyzerAsync($$"""
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Hybrid;

        public class Profiles
        {
            public async Task Load(HybridCache cache, User user, ForumContext db)
            {
                await cache.SetAsync("user:1", [|user|]);
                await cache.SetAsync([|$"by-email:{user.Email}"|], user.Id);
                await cache.GetOrCreateAsync("user:1", [|async cancel => await db.Users.FindAsync(1)|]);
                await cache.GetOrCreateAsync("user:1", db, [|static async (context, cancel) => await context.Users.FindAsync(1)|]);

                await cache.SetAsync("theme:1", user.Theme);
                await cache.GetOrCreateAsync("settings:1", async cancel => await db.Settings.FindAsync(1));
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_ForVendorStoresWhenTheBasisIsDeclared() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Data;
        using Dapper;
        using SafePrivacy;
        using StackExchange.Redis;

        [LawfulBasis(LawfulBasis.Contract, Purpose = "Keep the member's account")]
        public class Accounts
        {
            public void Save(IDbConnection db, IDatabase redis, User user)
            {
                db.Execute("INSERT INTO users (email) VALUES (@Email)", user);
                redis.StringSet("session:1", user.Email, TimeSpan.FromMinutes(20));
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForTheOtherWritesOfTheVendorStores() => Verify.VerifyAnalyzerAsync($$"""
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using Amazon.S3.Transfer;
        using Azure.Storage.Blobs.Specialized;
        using Elastic.Clients.Elasticsearch;
        using MongoDB.Driver;
        using StackExchange.Redis;

        public class Archive
        {
            public async Task Save(BlockBlobClient block, TransferUtility transfer, IMongoCollection<User> users, ElasticsearchClient search, IDatabaseAsync redis, User user)
            {
                await block.UploadAsync([|new MemoryStream(Encoding.UTF8.GetBytes(user.Email))|]);
                await transfer.UploadAsync([|new MemoryStream(Encoding.UTF8.GetBytes(user.DisplayName))|], "archive", "name.txt");
                await users.FindOneAndReplaceAsync(u => u.Id == user.Id, [|user|]);
                await search.CreateAsync([|user|], "users", user.Id);
                await redis.SetAddAsync("emails", [|user.Email|]);
                await redis.SortedSetAddAsync("names", [|user.DisplayName|], 1);
                await redis.StringSetAndGetAsync("email:1", [|user.Email|]);

                await transfer.UploadAsync("/tmp/archive.zip", "archive");
                await redis.SetAddAsync("themes", user.Theme);
            }
        }
        {{Model}}
        """);
}
