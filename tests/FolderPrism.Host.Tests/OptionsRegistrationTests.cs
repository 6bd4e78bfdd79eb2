using System.Reflection;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Tests;

public sealed class OptionsRegistrationTests
{
    /// <summary>
    /// A new options class whose section nobody checks at start would bring back the stack trace for a value that
    /// cannot convert: every class with a <c>SectionName</c> must be validated or listed as bound later.
    /// </summary>
    [Fact]
    public void Every_options_section_is_checked_before_a_verb_starts()
    {
        var host = typeof(OptionsRegistration).Assembly;
        var sections = host.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("FolderPrism.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(host)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .ToList();
        sections.Count.ShouldBeGreaterThan(5);

        var validated = new ServiceCollection()
            .AddFolderPrismOptions(new ConfigurationBuilder().Build())
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Select(t => t.GetGenericArguments()[0]);
        var checkedTypes = validated.Concat(OptionsRegistration.LaterBoundSections.Select(s => s.Type)).ToHashSet();

        sections.Where(t => !checkedTypes.Contains(t)).Select(t => t.FullName).ShouldBeEmpty();
    }
}
