namespace RyesVP.Domain.Scraping.Rendering;

public enum RenderBehaviour
{
    /// <summary>Load, wait, read.</summary>
    None,

    /// <summary>Scroll to the bottom until the count of <see cref="RenderPlan.CountSelector"/> stops growing; when it does not grow, click <see cref="RenderPlan.ClickSelector"/> if there is one.</summary>
    Scroll,

    /// <summary>Click <see cref="RenderPlan.ClickSelector"/> while it is visible and the count grows.</summary>
    ClickMore,

    /// <summary>Read the page, click <see cref="RenderPlan.ClickSelector"/> (next month), read again … up to MaxRounds pages.</summary>
    Pages,
}

/// <summary>How to render one venue page: the site's behaviour, bounded by maxima, stopping when the count stops growing.</summary>
public sealed record RenderPlan(
    string Url,
    string? WaitFor = null,
    RenderBehaviour Behaviour = RenderBehaviour.None,
    string? CountSelector = null,
    string? ClickSelector = null,
    int MaxRounds = 20,
    int RoundWaitMs = 1500,
    int SettleMs = 1000,
    int StableRounds = 2);
