/// Placeholder.
public enum SiteBuilder {}
