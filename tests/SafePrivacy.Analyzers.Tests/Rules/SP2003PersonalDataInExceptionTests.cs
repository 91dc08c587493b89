using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataInExceptionAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP2003PersonalDataInExceptionTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task Diagnostic_ForTheMessageOfAnyException() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;

        public class DuplicateEmailException : Exception
        {
            public DuplicateEmailException(string message) : base(message) { }
        }

        public class Accounts
        {
            public void Register(User user)
            {
                if (user.Id < 0) throw new InvalidOperationException({|#0:$"No account for {user.Email}"|});
                if (user.Id == 0) throw new ArgumentException([|"Bad name " + user.DisplayName|], nameof(user));
                throw new DuplicateEmailException([|user.Email|]);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2003").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is put into the message of InvalidOperationException; exception messages and data leave every declared scope, use an identifier or Redact.Value instead"));

    [Fact]
    public Task Diagnostic_ForExceptionData() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;

        public class Accounts
        {
            public void Register(User user)
            {
                var error = new InvalidOperationException("Registration failed");
                error.Data["email"] = {|#0:user.Email|};
                error.Data.Add("name", [|user.DisplayName|]);
                error.Data["userId"] = user.Id;
                throw error;
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2003").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is put into Exception.Data[]; exception messages and data leave every declared scope, use an identifier or Redact.Value instead"));

    [Fact]
    public Task NoDiagnostic_ForIdentifiersRedactedValuesAndOtherDictionaries() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Collections.Generic;
        using SafePrivacy;

        public class Accounts
        {
            public void Register(User user, Dictionary<string, object> bag)
            {
                bag["email"] = user.Email;
                if (user.Id < 0) throw new InvalidOperationException($"No account for user {user.Id}");
                throw new ArgumentException($"Bad email {Redact.Value(user.Email)}", nameof(user));
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_WhenALawfulBasisIsDeclared_IsNotAnExemption() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using SafePrivacy;

        [LawfulBasis(LawfulBasis.Contract, Purpose = "Provide accounts")]
        public class Accounts
        {
            public void Register(User user) => throw new InvalidOperationException([|user.Email|]);
        }
        {{Model}}
        """);
}
