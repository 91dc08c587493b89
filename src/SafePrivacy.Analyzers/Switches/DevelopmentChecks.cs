using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Switches;

/// <summary>
/// Whether code runs only in the Development environment: inside <c>if (env.IsDevelopment())</c>, after
/// <c>if (!env.IsDevelopment()) return;</c>, in the true branch of <c>env.IsDevelopment() ? … : …</c>, or in the
/// methods ASP.NET Core calls only in Development (<c>ConfigureDevelopmentServices</c>, <c>StartupDevelopment</c>).
/// <c>#if DEBUG</c> is no runtime guard, but code it leaves out is never seen.
/// </summary>
internal static class DevelopmentChecks
{
    /// <summary>The environment name ASP.NET Core and the generic host use for development.</summary>
    public const string Development = "Development";

    /// <summary>The method every host environment type has an extension of that name for.</summary>
    public const string IsDevelopmentMethod = "IsDevelopment";

    // Conditions nest (a && b && c …); beyond this the guard is not recognised, never walked without bound.
    private const int MaxDepth = 16;

    private static readonly string[] EnvironmentTypes =
    {
        "Microsoft.Extensions.Hosting.IHostEnvironment",
        "Microsoft.AspNetCore.Hosting.IWebHostEnvironment",
        "Microsoft.Extensions.Hosting.IHostingEnvironment",
        "Microsoft.AspNetCore.Hosting.IHostingEnvironment",
    };

    /// <summary>Whether a value of <paramref name="type"/> is a host environment (IHostEnvironment, IWebHostEnvironment …).</summary>
    public static bool IsEnvironmentType(ITypeSymbol? type) =>
        type is not null && (EnvironmentTypes.Any(name => MetadataNames.Is(type, name))
            || type.AllInterfaces.Any(i => EnvironmentTypes.Any(name => MetadataNames.Is(i, name))));

    /// <summary>Whether <paramref name="operation"/> runs only in development, by the code around it.</summary>
    public static bool IsGuarded(IOperation operation)
    {
        // Early returns are read only up to a local function: it can be called from before the return.
        var earlyReturnsCount = true;
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when child == conditional.WhenTrue && Implies(conditional.Condition, true, 0):
                case IConditionalOperation alternative when child == alternative.WhenFalse && Implies(alternative.Condition, false, 0):
                    return true;
                case IBlockOperation block when earlyReturnsCount && HasEarlyReturn(block, child):
                    return true;
                case ILocalFunctionOperation:
                    earlyReturnsCount = false;
                    break;
            }
        }

        return IsDevelopmentOnlyMember(operation);
    }

    /// <summary>
    /// Whether <paramref name="condition"/> evaluating to <paramref name="value"/> means the environment is
    /// Development: <c>env.IsDevelopment()</c> true, <c>!env.IsDevelopment()</c> false, conjunctions and
    /// disjunctions of them, a local initialised with one.
    /// </summary>
    public static bool Implies(IOperation? condition, bool value, int depth)
    {
        if (condition is null || depth > MaxDepth)
        {
            return false;
        }

        switch (condition)
        {
            case IConversionOperation conversion:
                return Implies(conversion.Operand, value, depth + 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implies(not.Operand, !value, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return value
                    ? Implies(and.LeftOperand, true, depth + 1) || Implies(and.RightOperand, true, depth + 1)
                    : Implies(and.LeftOperand, false, depth + 1) && Implies(and.RightOperand, false, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return value
                    ? Implies(or.LeftOperand, true, depth + 1) && Implies(or.RightOperand, true, depth + 1)
                    : Implies(or.LeftOperand, false, depth + 1) || Implies(or.RightOperand, false, depth + 1);
            case ILocalReferenceOperation local:
                return value && Implies(Initializer(local), true, depth + 1);
            default:
                return value && IsDevelopmentCheck(condition);
        }
    }

    /// <summary><c>env.IsDevelopment()</c>, or <c>env.IsEnvironment("Development")</c>, on any receiver.</summary>
    public static bool IsDevelopmentCheck(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod: { ReturnType.SpecialType: SpecialType.System_Boolean } method } invocation
        && (method.Name == IsDevelopmentMethod
            || (method.Name == "IsEnvironment"
                && invocation.Arguments.LastOrDefault()?.Value.ConstantValue is { HasValue: true, Value: string name }
                && string.Equals(name, Development, StringComparison.OrdinalIgnoreCase)));

    private static bool HasEarlyReturn(IBlockOperation block, IOperation child)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return false;
            }

            if (statement is IConditionalOperation { WhenFalse: null } conditional
                && Exits(conditional.WhenTrue)
                && Implies(conditional.Condition, false, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Exits(IOperation operation) => operation switch
    {
        IReturnOperation => true,
        IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => Exits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    private static IOperation? Initializer(ILocalReferenceOperation reference)
    {
        var model = reference.SemanticModel;
        var declaration = reference.Local.DeclaringSyntaxReferences.FirstOrDefault();
        if (model is null || declaration is null || declaration.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value } ? model.GetOperation(value) : null;
    }

    // ASP.NET Core calls Configure{Environment}Services and Configure{Environment} of a Startup class, and a whole
    // Startup{Environment} class, only in that environment.
    private static bool IsDevelopmentOnlyMember(IOperation operation)
    {
        if (operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is not { } symbol)
        {
            return false;
        }

        var member = symbol;
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && member.ContainingSymbol is { } outer)
        {
            member = outer;
        }

        return member is IMethodSymbol { Name: "ConfigureDevelopment" or "ConfigureDevelopmentServices" or "ConfigureDevelopmentContainer" }
            || member.ContainingType?.Name == "StartupDevelopment";
    }
}
