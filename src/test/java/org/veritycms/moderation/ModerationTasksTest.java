package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;
import org.veritycms.scheduling.ScheduledTask;

class ModerationTasksTest {

    @Test
    void theDigestRunsDailyAtTheConfiguredTimeInTheSiteZone() throws Exception {
        ScheduledTask task = new ModerationTasks().digest("07:30", "Europe/London");
        assertEquals(ModerationDigestJob.NAME, task.name());
        assertEquals(ZoneId.of("Europe/London"), task.zone());
        CronExpression cron = new CronExpression(task.cron());
        cron.setTimeZone(TimeZone.getTimeZone("Europe/London"));
        ZoneId london = ZoneId.of("Europe/London");
        // across the change to summer time, still 07:30 local
        Date after = Date.from(LocalDateTime.of(2026, 3, 28, 7, 30).atZone(london).toInstant());
        assertEquals(LocalDateTime.of(2026, 3, 29, 7, 30),
                LocalDateTime.ofInstant(cron.getNextValidTimeAfter(after).toInstant(), london));
        assertEquals("0 5 18 * * ?", ModerationTasks.dailyAt(LocalTime.of(18, 5)));
    }
}
