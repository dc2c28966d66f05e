package org.veritycms.site;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts the readers' hot paths ahead of this deployment's servlet chain: cached page views
 * ({@link SharedPageHandler}) and plain votes ({@link VoteHandler}). Each hands on what it does not
 * take. Registered as an Undertow servlet extension
 * ({@code META-INF/services/io.undertow.servlet.ServletExtension}).
 */
public final class ReaderHotPaths implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new SharedPageHandler(new VoteHandler(next)));
    }
}
