package dev.sremcp.inference;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sremcp.ports.out.LanguageModel;

/** Binds the {@link LanguageModel} to the pool of Ollama servers of {@link OllamaSettings}. */
public final class InferenceModule extends AbstractModule {

  private final OllamaSettings settings;

  public InferenceModule(OllamaSettings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  OllamaLanguageModel ollama() {
    return new OllamaLanguageModel(settings);
  }

  @Provides
  @Singleton
  LanguageModel languageModel(OllamaLanguageModel ollama) {
    return ollama;
  }
}
