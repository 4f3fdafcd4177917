package dev.sremcp.domain.logs;

/**
 * One pass over a log: each line's message, after its header, is masked and mined into a template.
 */
public final class LogMiner {

  private final LineHeader header;
  private final TemplateMiner miner = new TemplateMiner();

  public LogMiner(LineHeader header) {
    this.header = header;
  }

  /** Mines one line; returns the template it joined. */
  public TemplateMiner.Template add(String line) {
    return miner.add(Masker.tokens(header.message(line)));
  }

  public TemplateMiner templates() {
    return miner;
  }
}
