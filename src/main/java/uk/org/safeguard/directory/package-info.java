/**
 * Directory: the community organisations and services that people can be pointed to, with the boroughs
 * they cover, the languages they work in and the audiences they serve.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package uk.org.safeguard.directory;
