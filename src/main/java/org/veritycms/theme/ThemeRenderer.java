package org.veritycms.theme;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders a theme's {@code .ftlh} templates (HTML auto-escaping) with read-only view models. A
 * template missing from the active theme is taken from its parent, then from {@code default}.
 */
@ApplicationScoped
public class ThemeRenderer {

    private final Configuration freemarker;
    private final Messages messages;

    @Inject
    public ThemeRenderer(ThemeRegistry registry,
            @ConfigProperty(name = "verity.locale", defaultValue = "en-GB") String locale,
            @ConfigProperty(name = "verity.theme.reload-seconds", defaultValue = "5") int reloadSeconds) {
        Locale loc = Locale.forLanguageTag(locale);
        this.messages = new Messages(registry.chain(), loc);
        this.freemarker = configure(registry.chain(), loc, reloadSeconds);
    }

    protected ThemeRenderer() {
        this.freemarker = null;
        this.messages = null;
    }

    private Configuration configure(List<Theme> chain, Locale locale, int reloadSeconds) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        try {
            TemplateLoader[] loaders = new TemplateLoader[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                loaders[i] = new FileTemplateLoader(chain.get(i).templates().toFile());
            }
            cfg.setTemplateLoader(new MultiTemplateLoader(loaders));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the theme templates", e);
        }
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(locale);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateUpdateDelayMilliseconds(reloadSeconds * 1000L);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        cfg.setSharedVariable("msg", (TemplateMethodModelEx) this::message);
        return cfg;
    }

    private Object message(List<?> args) throws TemplateModelException {
        if (args.isEmpty()) {
            throw new TemplateModelException("msg needs a key");
        }
        Object[] rest = new Object[args.size() - 1];
        for (int i = 1; i < args.size(); i++) {
            rest[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
        }
        return messages.get(String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0))), rest);
    }

    /** Renders a template, e.g. {@code page.ftlh}, with the given view model. */
    public String render(String template, Map<String, ?> model) {
        StringWriter out = new StringWriter(8192);
        try {
            freemarker.getTemplate(template).process(new HashMap<>(model), out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render " + template, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + template + " failed: " + e.getMessageWithoutStackTop(), e);
        }
        return out.toString();
    }

    /** Whether some theme in the chain has this template. */
    public boolean hasTemplate(String template) {
        try {
            return freemarker.getTemplate(template, null, null, true, true) != null;
        } catch (IOException e) {
            return false;
        }
    }

    public Messages messages() {
        return messages;
    }
}
