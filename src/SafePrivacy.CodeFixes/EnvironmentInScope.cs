using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SafePrivacy.Analyzers.Switches;

namespace SafePrivacy.CodeFixes;

/// <summary>
/// A host environment the code at a position can use: a parameter, local, field or property of an environment type
/// (IHostEnvironment, IWebHostEnvironment …), or one held by a value in scope (<c>builder.Environment</c> of a
/// WebApplicationBuilder, <c>context.HostingEnvironment</c>), as the code that reads it and the namespace its
/// <c>IsDevelopment()</c> extension needs imported, if any.
/// </summary>
internal sealed class EnvironmentInScope
{
    // The extension classes that give each environment type its IsDevelopment().
    private static readonly string[] ExtensionClasses =
    {
        "Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions",
        "Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions",
        "Microsoft.Extensions.Hosting.HostingEnvironmentExtensions",
    };

    private EnvironmentInScope(string expression, string? import)
    {
        Expression = expression;
        Import = import;
    }

    /// <summary>The code that reads the environment: <c>environment</c>, <c>builder.Environment</c>.</summary>
    public string Expression { get; }

    /// <summary>The namespace to import for <c>IsDevelopment()</c> to bind, or null when it binds already.</summary>
    public string? Import { get; }

    /// <summary><c>environment.IsDevelopment()</c>, marked with the import it needs.</summary>
    public ExpressionSyntax DevelopmentCheck()
    {
        var check = SyntaxFactory.ParseExpression(Expression + "." + DevelopmentChecks.IsDevelopmentMethod + "()");
        return Import is null ? check : check.WithAdditionalAnnotations(Imports.Needs(Import));
    }

    /// <summary>The environment the code at <paramref name="position"/> can read, or null when there is none.</summary>
    public static EnvironmentInScope? Find(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var context = Context.At(model, position, cancellationToken);
        var candidates = new List<(int Rank, string Expression, ITypeSymbol Type)>();
        foreach (var symbol in model.LookupSymbols(position))
        {
            if (!context.CanRead(symbol, position) || TypeOf(symbol) is not { } type)
            {
                continue;
            }

            var rank = symbol.Kind is SymbolKind.Parameter or SymbolKind.Local ? 0 : 1;
            if (DevelopmentChecks.IsEnvironmentType(type))
            {
                candidates.Add((rank, symbol.Name, type));
            }
            else if (HeldEnvironment(type, model, position) is { } held)
            {
                candidates.Add((rank + 2, symbol.Name + "." + held.Name, held.Type));
            }
        }

        foreach (var (_, expression, type) in candidates.OrderBy(c => c.Rank).ThenBy(c => c.Expression, System.StringComparer.Ordinal))
        {
            if (Binds(model, position, expression))
            {
                return new EnvironmentInScope(expression, null);
            }

            if (ExtensionNamespace(model.Compilation, type) is { } import)
            {
                return new EnvironmentInScope(expression, import);
            }
        }

        return null;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
        _ => null,
    };

    // WebApplicationBuilder.Environment, WebApplication.Environment, HostBuilderContext.HostingEnvironment …
    private static IPropertySymbol? HeldEnvironment(ITypeSymbol type, SemanticModel model, int position)
    {
        var types = type.TypeKind == TypeKind.Interface ? new[] { type }.Concat(type.AllInterfaces) : BaseTypes(type);
        return types
            .SelectMany(t => t.GetMembers().OfType<IPropertySymbol>())
            .Where(p => !p.IsStatic && !p.IsIndexer && p.GetMethod is not null && DevelopmentChecks.IsEnvironmentType(p.Type) && model.IsAccessible(position, p))
            .OrderBy(p => p.Name, System.StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static IEnumerable<ITypeSymbol> BaseTypes(ITypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static bool Binds(SemanticModel model, int position, string expression)
    {
        var check = SyntaxFactory.ParseExpression(expression + "." + DevelopmentChecks.IsDevelopmentMethod + "()");
        return model.GetSpeculativeSymbolInfo(position, check, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol { Name: DevelopmentChecks.IsDevelopmentMethod };
    }

    private static string? ExtensionNamespace(Compilation compilation, ITypeSymbol type)
    {
        foreach (var name in ExtensionClasses)
        {
            var method = compilation.GetTypeByMetadataName(name)?.GetMembers(DevelopmentChecks.IsDevelopmentMethod).OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.IsExtensionMethod && m.Parameters.Length == 1 && compilation.ClassifyConversion(type, m.Parameters[0].Type).IsImplicit);
            if (method is not null)
            {
                return method.ContainingNamespace.ToDisplayString();
            }
        }

        return null;
    }

    /// <summary>What the code at a position may read: no instance member where there is no <c>this</c>, nothing from outside a static lambda.</summary>
    private sealed class Context
    {
        private readonly INamedTypeSymbol? _this;
        private readonly TextSpan? _staticFunction;

        private Context(INamedTypeSymbol? @this, TextSpan? staticFunction)
        {
            _this = @this;
            _staticFunction = staticFunction;
        }

        public static Context At(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            var symbol = model.GetEnclosingSymbol(position, cancellationToken);
            TextSpan? staticFunction = null;
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function)
            {
                if (function.IsStatic && staticFunction is null)
                {
                    staticFunction = function.DeclaringSyntaxReferences.FirstOrDefault()?.Span;
                }

                symbol = function.ContainingSymbol;
            }

            // Field initialisers and static members have no `this`; methods, accessors and constructors do.
            var @this = staticFunction is null && symbol is IMethodSymbol { IsStatic: false } ? symbol.ContainingType : null;
            return new Context(@this, staticFunction);
        }

        public bool CanRead(ISymbol symbol, int position)
        {
            switch (symbol)
            {
                case ILocalSymbol local:
                    // A local is in scope in its whole block, but readable only after its declaration.
                    var declaration = local.DeclaringSyntaxReferences.FirstOrDefault();
                    return declaration is not null && declaration.Span.End <= position && Inside(declaration.Span);
                case IParameterSymbol parameter:
                    return parameter.DeclaringSyntaxReferences.FirstOrDefault() is { } reference && Inside(reference.Span);
                case IFieldSymbol or IPropertySymbol:
                    return _staticFunction is null && (symbol.IsStatic || IsMemberOfThis(symbol.ContainingType));
                default:
                    return false;
            }
        }

        // An outer type's instance field is in scope in a nested type's method, but there is no instance to read it from.
        private bool IsMemberOfThis(INamedTypeSymbol? type)
        {
            for (var current = _this; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type?.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Inside(TextSpan span) => _staticFunction is not { } function || function.Contains(span);
    }
}
