/** The page shell: layout, navigation, language (zh-CN, en), elderly mode, home page and error pages. */
@ApplicationModule(displayName = "Site")
@NullMarked
package org.commonweal.site;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
