/**
 * Platform: what every other module stands on but no user sees as a feature. It runs the embedded
 * PostgreSQL server when no external database is configured (keeping its data under
 * {@code SAFEGUARD_DATA_DIR} and recovering from a killed run), hosts the {@code admin} command line
 * that later modules add commands to, and loads each module's demo data set once on a fresh database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package uk.org.safeguard.platform;
