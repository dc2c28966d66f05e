<#-- Plain text (not escaped): a month's reviewed and updated pages in a topic. Keep the "Unsubscribe: "
     line as it is: the outbox makes it the message's List-Unsubscribe header too. -->
${msg("subscribe.mail.digest.intro", topicTitle, month)}

<#list pages as p>
${p.title}
${p.reason}
${p.url}

</#list>
${msg("subscribe.mail.digest.more", topicTitle, topicUrl)}

${msg("subscribe.mail.digest.why", siteName, topicTitle)}
Unsubscribe: ${unsubscribeUrl}
