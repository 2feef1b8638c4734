namespace RyesVP.Domain.Scraping.Rendering;

/// <summary>The browser could not produce the page (launch failure, timeout, navigation error). Transient.</summary>
public sealed class RenderException(string message, Exception? inner = null) : Exception(message, inner);
