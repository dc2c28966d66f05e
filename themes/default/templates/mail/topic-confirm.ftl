<#-- Plain text (not escaped): the link that confirms e-mail updates about a topic. -->
${msg("subscribe.mail.confirm.text", siteName, topicTitle)}

${confirmUrl}

${msg("subscribe.mail.confirm.expiry", hours)}

${msg("subscribe.mail.confirm.ignore")}
